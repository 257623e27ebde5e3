package io.mailtrip.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.spi.InheritedSettings;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingOrigin;
import io.mailtrip.spi.SettingType;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.SettingsLayer;
import io.mailtrip.spi.ValueReferences;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one entry of the {@code sensors} list into an {@link InstanceConfig}: checks its keys, stacks its
 * settings on its device's, group's and the root's ({@link SettingsHierarchy}), lets the SPI resolve the
 * inheritance, resolves {@code ${env:...}} / {@code ${file:...}} references, and lets the SPI parse the
 * result, so the rules of every setting come from the sensor's metadata and none is repeated here.
 */
public final class InstanceLoader {

    static final List<String> INSTANCE_KEYS = List.of("id", "sensor", "device", "settings");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    private final ValueReferences references;

    public InstanceLoader(ValueReferences references) {
        this.references = references;
    }

    /**
     * What became of {@code sensors[index]}.
     *
     * @param where    {@code sensors[0] (mail1)}, the prefix of its lines
     * @param id       the id when it is valid
     * @param instance the instance when it has no problem
     * @param problems {@code key: rule} lines
     * @param warnings lines about things that run but deserve a look
     */
    public record Located(int index, String where, Optional<String> id, Optional<InstanceConfig> instance,
                          List<String> problems, List<String> warnings) {
    }

    /** @param file how the configuration file is named in messages */
    Located load(JsonNode node, int index, SensorCatalog catalog, SettingsHierarchy hierarchy, String file) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (node == null || !node.isObject()) {
            problems.add("must be a mapping with " + String.join(", ", INSTANCE_KEYS));
            return new Located(index, "sensors[" + index + "]", Optional.empty(), Optional.empty(), problems, warnings);
        }
        JsonNode idNode = node.get("id");
        String idText = idNode == null || idNode.isNull() ? null : idNode.asText();
        String where = "sensors[" + index + "]" + (idText == null || idText.isBlank() ? "" : " (" + idText + ")");
        Optional<String> id = Optional.empty();
        if (idText == null || idText.isBlank()) {
            problems.add("id: is required (letters, digits, '.', '_' or '-')");
        } else if (!idNode.isValueNode() || !ID.matcher(idText).matches()) {
            problems.add("id: '" + idText + "' may only contain letters, digits, '.', '_' and '-'");
        } else {
            id = Optional.of(idText);
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!INSTANCE_KEYS.contains(key)) {
                problems.add(key + ": unknown key (known: " + String.join(", ", INSTANCE_KEYS) + ")");
            }
        });
        Optional<SensorProvider> provider = provider(node.get("sensor"), catalog, problems);
        Optional<String> device = device(node.get("device"), hierarchy, problems);
        SettingsLayer own = SettingsLayer.of(SettingsHierarchy.SENSOR_LEVEL, id.orElse("sensors[" + index + "]"),
                ownSettings(node.get("settings"), problems));
        Optional<InheritedSettings> inherited = provider.map(p ->
                InheritedSettings.resolve(p.descriptor(), hierarchy.layers(own, device)));
        Optional<Settings> settings = inherited.flatMap(i -> settings(i, problems, warnings));
        Optional<InstanceConfig> instance = Optional.empty();
        if (problems.isEmpty() && id.isPresent() && settings.isPresent()) {
            instance = Optional.of(new InstanceConfig(id.get(), provider.get(), settings.get(), inherited.get(),
                    ScheduleInterval.of(settings.get()), file + ": " + where));
        }
        return new Located(index, where, id, instance, problems, warnings);
    }

    private static Optional<SensorProvider> provider(JsonNode node, SensorCatalog catalog, List<String> problems) {
        if (node == null || node.isNull() || node.asText().isBlank()) {
            problems.add("sensor: is required (known: " + catalog.ids() + ")");
            return Optional.empty();
        }
        Optional<SensorProvider> found = catalog.find(node.asText().strip());
        if (found.isEmpty()) {
            problems.add("sensor: " + catalog.unknownSensor(node.asText().strip()));
        }
        return found;
    }

    private static Optional<String> device(JsonNode node, SettingsHierarchy hierarchy, List<String> problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String name = node.asText().strip();
        if (!node.isValueNode() || !hierarchy.hasDevice(name)) {
            problems.add("device: unknown device '" + name + "' (known: " + hierarchy.deviceNames() + ")");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static Map<String, String> ownSettings(JsonNode node, List<String> problems) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problems.add("settings: must be a mapping of setting keys to values");
            return Map.of();
        }
        return RawSettings.read(node, (key, rule) -> problems.add(key + ": " + rule));
    }

    private Optional<Settings> settings(InheritedSettings inherited, List<String> problems, List<String> warnings) {
        SensorDescriptor descriptor = inherited.descriptor();
        Map<String, String> resolved = new LinkedHashMap<>();
        Set<String> unresolved = new HashSet<>();
        inherited.values().forEach((key, value) -> {
            try {
                String result = references.resolve(key, value);
                resolved.put(key, result);
                warnInlineSecret(inherited, key, value, result, warnings);
            } catch (ConfigurationException e) {
                unresolved.add(key);
                e.problems().forEach(p -> problems.add(p.line() + inheritedFrom(inherited, p.key())));
            }
        });
        try {
            Settings settings = Settings.parse(descriptor, resolved);
            settings.ignored().forEach(key -> warnings.add(key + ": ignored, it applies only when "
                    + descriptor.setting(key).map(s -> s.visibility().describe()).orElse("?")
                    + inheritedFrom(inherited, key)));
            return unresolved.isEmpty() ? Optional.of(settings) : Optional.empty();
        } catch (ConfigurationException e) {
            // A reference that failed already has its line; "is required" for the same key would repeat it.
            e.problems().stream().filter(p -> !unresolved.contains(p.key()))
                    .map(p -> p.line() + inheritedFrom(inherited, p.key())).forEach(problems::add);
            return Optional.empty();
        }
    }

    /**
     * {@code " (from device mx1)"} when the value of {@code key} came from an ancestor, so a bad value in
     * a shared block is fixed where it was written; empty for the instance's own values and defaults.
     */
    private static String inheritedFrom(InheritedSettings inherited, String key) {
        SettingOrigin origin = inherited.origin(key);
        boolean ancestor = !origin.level().equals(SettingsHierarchy.SENSOR_LEVEL)
                && !origin.level().equals(SettingOrigin.DEFAULT_LEVEL);
        return ancestor ? " (from " + origin.describe() + ")" : "";
    }

    /** A reference resolves to something else; a secret that stays as written was inline. */
    private static void warnInlineSecret(InheritedSettings inherited, String key, String raw, String resolved,
                                         List<String> warnings) {
        boolean secret = inherited.descriptor().setting(key).map(SettingDescriptor::type).orElse(null)
                == SettingType.SECRET;
        if (secret && !raw.isBlank() && raw.equals(resolved)) {
            warnings.add(key + ": secret written inline" + inheritedFrom(inherited, key)
                    + "; prefer ${env:NAME} or ${file:/path}");
        }
    }
}
