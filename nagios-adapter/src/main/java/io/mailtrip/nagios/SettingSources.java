package io.mailtrip.nagios;

import io.mailtrip.host.InheritedSettings;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.host.SettingOrigin;
import io.mailtrip.spi.SettingType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Gathers the places a setting can come from and lets the SPI's {@link InheritedSettings} pick, nearest
 * first: command line, environment (secrets only, {@code MAILTRIP_SMTP_PASSWORD}: NRPE then needs no
 * password in its command line), then the {@code --config} file: a flat file, or the {@code --device}'s
 * entry, its group and the root defaults of a hierarchical one. The sensor's own defaults apply to what
 * is left.
 */
final class SettingSources {

    static final SettingOrigin COMMAND_LINE = new SettingOrigin("command line", "");
    static final SettingOrigin ENVIRONMENT = new SettingOrigin("environment", "");

    private final SensorDescriptor descriptor;
    private final UnaryOperator<String> environment;

    /** @param environment looks up an environment variable, {@code null} when unset */
    SettingSources(SensorDescriptor descriptor, UnaryOperator<String> environment) {
        this.descriptor = descriptor;
        this.environment = environment;
    }

    /** @throws UsageException for a bad {@code --config} file or {@code --device} */
    SourcedSettings resolve(Invocation invocation) {
        List<SourcedLayer> layers = new ArrayList<>();
        layers.add(SourcedLayer.of(COMMAND_LINE, invocation.settings()));
        layers.add(SourcedLayer.of(ENVIRONMENT, secretsFromEnvironment()));
        if (invocation.configFile() != null) {
            // Loaded here only: the YAML parser costs start-up time that a plain command line never pays.
            layers.addAll(YamlSettingsFile.read(invocation.configFile(), descriptor).layers(invocation.device()));
        }
        InheritedSettings inherited = InheritedSettings.resolve(descriptor,
                layers.stream().map(SourcedLayer::layer).toList());
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        inherited.values().forEach((key, value) -> {
            SettingOrigin origin = inherited.origin(key);
            SourcedLayer from = layers.stream().filter(l -> l.layer().origin().equals(origin)).findFirst()
                    .orElseThrow();
            values.put(key, new SourcedValue(value, from.source(key)));
        });
        return new SourcedSettings(inherited, values);
    }

    private Map<String, SourcedValue> secretsFromEnvironment() {
        Map<String, SourcedValue> secrets = new LinkedHashMap<>();
        for (SettingDescriptor setting : descriptor.settings()) {
            if (setting.type() == SettingType.SECRET) {
                String name = OptionNaming.environmentVariable(setting.key());
                String value = environment.apply(name);
                if (value != null && !value.isEmpty()) {
                    secrets.put(setting.key(), new SourcedValue(value, name));
                }
            }
        }
        return secrets;
    }
}
