package io.mailtrip.nagios;

import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Merges the places a setting can come from, first wins: command line, environment (secrets only,
 * {@code MAILTRIP_SMTP_PASSWORD}: NRPE then needs no password in its command line), the
 * {@code --config} file; the sensor's own defaults apply to what is left.
 */
final class SettingSources {

    private final SensorDescriptor descriptor;
    private final UnaryOperator<String> environment;

    /** @param environment looks up an environment variable, {@code null} when unset */
    SettingSources(SensorDescriptor descriptor, UnaryOperator<String> environment) {
        this.descriptor = descriptor;
        this.environment = environment;
    }

    /** The merged raw values by setting key, each with its source. */
    Map<String, SourcedValue> merge(Map<String, SourcedValue> commandLine, Path configFile) {
        Map<String, SourcedValue> merged = new LinkedHashMap<>();
        if (configFile != null) {
            // Loaded here only: the YAML parser costs start-up time that a plain command line never pays.
            YamlSettingsFile.read(configFile, descriptor).forEach((key, value) ->
                    merged.put(key, new SourcedValue(value, configFile + ": " + key)));
        }
        for (SettingDescriptor setting : descriptor.settings()) {
            if (setting.type() == SettingType.SECRET) {
                String name = OptionNaming.environmentVariable(setting.key());
                String value = environment.apply(name);
                if (value != null && !value.isEmpty()) {
                    merged.put(setting.key(), new SourcedValue(value, name));
                }
            }
        }
        merged.putAll(commandLine);
        return merged;
    }
}
