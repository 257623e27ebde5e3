package io.mailtrip.runner;

import io.mailtrip.host.RoleSettings;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailtrip.host.InheritedSettings;
import io.mailtrip.host.RawSettings;
import io.mailtrip.host.SettingOrigin;
import io.mailtrip.host.SettingsHierarchy;
import io.mailtrip.host.SettingsLayer;
import io.mailtrip.host.SettingsPipeline;
import io.mailtrip.host.ValueReferences;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one entry of the {@code sensors} list into an {@link InstanceConfig}: checks its keys, stacks its
 * settings on its device's, group's and the root's ({@link SettingsHierarchy}) and hands them to the host
 * kit's {@link SettingsPipeline}, so the rules of every setting come from the sensor's metadata and none
 * is repeated here. A problem of an inherited value says where it was written: {@code (from device mx1)}.
 */
final class InstanceLoader {

    static final List<String> INSTANCE_KEYS = List.of("id", "sensor", "device", "tags", "settings");
    static final Pattern ID = SettingsHierarchy.NAME;

    private final SettingsPipeline pipeline;

    InstanceLoader(ValueReferences references) {
        this.pipeline = new SettingsPipeline(references);
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
        Tags tags = tags(node.get("tags"), problems);
        SettingsLayer own = SettingsLayer.of(SettingsHierarchy.SENSOR_LEVEL, id.orElse("sensors[" + index + "]"),
                ownSettings(node.get("settings"), problems));
        Optional<SettingsPipeline.Resolved> resolved = provider.flatMap(p ->
                settings(p.descriptor(), hierarchy.layers(own, device), problems, warnings));
        Optional<InstanceConfig> instance = Optional.empty();
        if (problems.isEmpty() && id.isPresent() && resolved.isPresent()) {
            Settings settings = resolved.get().settings();
            instance = Optional.of(new InstanceConfig(id.get(), provider.get(), settings, resolved.get().inherited(),
                    RoleSettings.of(settings).interval(), tags, file + ": " + where));
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

    private static Tags tags(JsonNode node, List<String> problems) {
        if (node == null || node.isNull()) {
            return Tags.NONE;
        }
        if (!node.isObject()) {
            problems.add("tags: must be a mapping of label names to values");
            return Tags.NONE;
        }
        Map<String, String> tags = new java.util.TreeMap<>();
        node.fields().forEachRemaining(entry -> {
            String problem = Tags.problem(entry.getKey());
            if (problem != null) {
                problems.add("tags." + problem);
            } else if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                problems.add("tags." + entry.getKey() + ": must be a text value");
            } else {
                tags.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return Tags.of(tags);
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

    private Optional<SettingsPipeline.Resolved> settings(SensorDescriptor descriptor, List<SettingsLayer> layers,
                                                         List<String> problems, List<String> warnings) {
        try {
            SettingsPipeline.Resolved resolved = pipeline.resolve(descriptor, layers, (problem, origin) ->
                    new ConfigurationProblem(problem.key(), problem.message() + inheritedFrom(origin)));
            InheritedSettings inherited = resolved.inherited();
            resolved.inlineSecrets().forEach(key -> warnings.add(key + ": secret written inline"
                    + inheritedFrom(inherited.origin(key)) + "; prefer ${env:NAME} or ${file:/path}"));
            resolved.settings().ignored().forEach(key -> warnings.add(key + ": ignored, it applies only when "
                    + descriptor.setting(key).map(s -> s.visibility().describe()).orElse("?")
                    + inheritedFrom(inherited.origin(key))));
            return Optional.of(resolved);
        } catch (ConfigurationException e) {
            problems.addAll(e.lines());
            return Optional.empty();
        }
    }

    /**
     * {@code " (from device mx1)"} when the value of {@code key} came from an ancestor, so a bad value in
     * a shared block is fixed where it was written; empty for the instance's own values and defaults.
     */
    private static String inheritedFrom(SettingOrigin origin) {
        boolean ancestor = !origin.level().equals(SettingsHierarchy.SENSOR_LEVEL)
                && !origin.level().equals(SettingOrigin.DEFAULT_LEVEL);
        return ancestor ? " (from " + origin.describe() + ")" : "";
    }
}
