package io.mailtrip.nagios;

import io.mailtrip.host.SettingOrigin;
import io.mailtrip.host.SettingsLayer;
import io.mailtrip.host.SettingsPipeline;
import io.mailtrip.host.ValueReferences;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The places a setting can come from, nearest first, handed to the host kit's {@link SettingsPipeline}:
 * command line, environment (secrets only, {@code MAILTRIP_SMTP_PASSWORD}: NRPE then needs no password in
 * its command line), then the {@code --config} file's levels ({@link ConfigFileLayers}). The sensor's own
 * defaults apply to what is left. Each problem names what the operator typed or wrote: the option, the
 * variable, or the entry in the file.
 */
final class SettingSources {

    static final SettingOrigin COMMAND_LINE = new SettingOrigin("command line", "");
    static final SettingOrigin ENVIRONMENT = new SettingOrigin("environment", "");

    private final OptionTable table;
    private final UnaryOperator<String> environment;

    /** @param environment looks up an environment variable, {@code null} when unset */
    SettingSources(OptionTable table, UnaryOperator<String> environment) {
        this.table = table;
        this.environment = environment;
    }

    /**
     * What the pipeline made of the sources, and how each key's source is spelled.
     *
     * @param resolved the settings and where each value came from
     * @param sources  how the operator spells where a value came from
     */
    record Sourced(SettingsPipeline.Resolved resolved, Sources sources) {
    }

    /** Spells where a value came from. */
    interface Sources {
        String of(String key, SettingOrigin origin);
    }

    /**
     * @throws ConfigurationException every problem in the operator's terms; a bad value the operator gave
     *                                leads, before settings that are merely missing
     */
    Sourced resolve(Invocation invocation) {
        SensorDescriptor descriptor = table.descriptor();
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, SourcedValue> entry : invocation.settings().entrySet()) {
            given.put(entry.getKey(), entry.getValue().value());
            options.put(entry.getKey(), entry.getValue().source());
        }
        List<SettingsLayer> layers = new ArrayList<>();
        layers.add(new SettingsLayer(COMMAND_LINE, given, Optional.empty()));
        layers.add(new SettingsLayer(ENVIRONMENT, secretsFromEnvironment(descriptor), Optional.empty()));
        ConfigFileLayers file = null;
        if (invocation.configFile() != null) {
            // Loaded here only: the YAML parser costs start-up time that a plain command line never pays.
            file = ConfigFileLayers.read(invocation.configFile(), invocation.device(), descriptor,
                    table.firstSettingKey());
            layers.addAll(file.layers());
        }
        ConfigFileLayers fromFile = file;
        Sources sources = (key, origin) -> {
            if (origin.equals(COMMAND_LINE)) {
                return options.getOrDefault(key, table.optionFor(key));
            }
            if (origin.equals(ENVIRONMENT)) {
                return OptionNaming.environmentVariable(key);
            }
            Optional<String> path = fromFile == null ? Optional.empty() : fromFile.paths().path(origin, key);
            return path.map(p -> "--config " + invocation.configFile() + ": " + p).orElse(table.optionFor(key));
        };
        Set<ConfigurationProblem> unset = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            SettingsPipeline.Resolved resolved = new SettingsPipeline(new ValueReferences(environment))
                    .resolve(descriptor, layers, (problem, origin) -> {
                        ConfigurationProblem named = new ConfigurationProblem(sources.of(problem.key(), origin),
                                problem.message());
                        if (origin.equals(SettingOrigin.metadataDefault())) {
                            unset.add(named);
                        }
                        return named;
                    });
            return new Sourced(resolved, sources);
        } catch (ConfigurationException e) {
            List<ConfigurationProblem> givenFirst = new ArrayList<>();
            List<ConfigurationProblem> missing = new ArrayList<>();
            for (ConfigurationProblem problem : e.problems()) {
                (unset.contains(problem) ? missing : givenFirst).add(problem);
            }
            givenFirst.addAll(missing);
            throw new ConfigurationException(givenFirst);
        }
    }

    private Map<String, String> secretsFromEnvironment(SensorDescriptor descriptor) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (SettingDescriptor setting : descriptor.settings()) {
            if (setting.type() == SettingType.SECRET) {
                String value = environment.apply(OptionNaming.environmentVariable(setting.key()));
                if (value != null && !value.isEmpty()) {
                    secrets.put(setting.key(), value);
                }
            }
        }
        return secrets;
    }
}
