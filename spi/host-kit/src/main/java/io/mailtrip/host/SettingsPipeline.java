package io.mailtrip.host;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.Settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one path from what a user wrote to {@link Settings}, for every host: layers from any source
 * (command line, environment, a file's levels, a form) → {@link InheritedSettings} → {@code ${env:}} /
 * {@code ${file:}} {@link ValueReferences} → {@link Settings#parse}. Every value keeps its origin, and every
 * problem is handed to the host's {@link Naming}, which says it in the user's own spelling
 * ({@code --server-port}, {@code sensors[0] (mail1): serverPort}, the form field). A host that parses, defaults
 * or re-words settings itself is a second pipeline: use this one.
 */
public final class SettingsPipeline {

    /** How a host names a problem of a setting for its user, given where the setting's value came from. */
    @FunctionalInterface
    public interface Naming {

        /**
         * @param problem the SPI's problem, keyed by the setting key
         * @param origin  where the value came from; {@link SettingOrigin#metadataDefault()} when no layer set it
         * @return the problem as the user should read it
         */
        ConfigurationProblem name(ConfigurationProblem problem, SettingOrigin origin);
    }

    /**
     * A resolved instance.
     *
     * @param settings      the typed settings
     * @param inherited     each value's origin, keys of ancestors that are no setting of this sensor
     * @param inlineSecrets secret keys whose value was written as is rather than as a reference
     */
    public record Resolved(Settings settings, InheritedSettings inherited, List<String> inlineSecrets) {

        public Resolved {
            inlineSecrets = List.copyOf(inlineSecrets);
        }
    }

    private final ValueReferences references;

    public SettingsPipeline(ValueReferences references) {
        this.references = references;
    }

    /**
     * @param layers nearest first (see {@link InheritedSettings#resolve})
     * @throws ConfigurationException every problem, named by {@code naming}, in the order of the metadata
     *                                (references that cannot be resolved first)
     */
    public Resolved resolve(SensorDescriptor descriptor, List<SettingsLayer> layers, Naming naming) {
        InheritedSettings inherited = InheritedSettings.resolve(descriptor, layers);
        Map<String, String> resolved = new LinkedHashMap<>();
        Set<String> unresolved = new HashSet<>();
        List<String> inlineSecrets = new ArrayList<>();
        List<ConfigurationProblem> problems = new ArrayList<>();
        // Plain loops, no lambdas: the Nagios plugin's one-shot JVM pays for every bootstrap on its start-up path.
        for (Map.Entry<String, String> entry : inherited.values().entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            try {
                boolean secret = ValueReferences.isSecret(descriptor, key);
                String result = references.resolve(key, value, secret);
                resolved.put(key, result);
                if (secret && !value.isBlank() && value.equals(result)) {
                    inlineSecrets.add(key);
                }
            } catch (ConfigurationException e) {
                unresolved.add(key);
                for (ConfigurationProblem problem : e.problems()) {
                    problems.add(naming.name(problem, inherited.origin(key)));
                }
            }
        }
        Settings settings = null;
        try {
            settings = Settings.parse(descriptor, resolved);
        } catch (ConfigurationException e) {
            // A reference that failed already has its line; "is required" for the same key would repeat it.
            for (ConfigurationProblem problem : e.problems()) {
                if (!unresolved.contains(problem.key())) {
                    problems.add(naming.name(problem, inherited.origin(problem.key())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new Resolved(settings, inherited, inlineSecrets);
    }
}
