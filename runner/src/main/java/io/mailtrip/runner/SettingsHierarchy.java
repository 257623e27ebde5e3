package io.mailtrip.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingsLayer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The levels above the sensor instances in the configuration file: {@code defaults} (the root),
 * {@code groups} and {@code devices}. It reads and checks them and hands each instance its layers,
 * nearest first; resolving them is the SPI's {@code InheritedSettings}, so every host inherits alike.
 * Values are not checked here: an ancestor may serve sensors of several types, and each instance checks
 * the values it inherits with its own sensor's rules.
 */
final class SettingsHierarchy {

    static final List<String> GROUP_KEYS = List.of("settings");
    static final List<String> DEVICE_KEYS = List.of("group", "host", "settings");
    static final String ROOT_LEVEL = "root";
    static final String ROOT_NAME = "defaults";
    static final String GROUP_LEVEL = "group";
    static final String SENSOR_LEVEL = "sensor";

    private final Optional<SettingsLayer> root;
    private final Map<String, SettingsLayer> groups;
    private final Map<String, Device> devices;

    /** A device's own layer and the group it belongs to (already checked to exist). */
    private record Device(SettingsLayer layer, Optional<String> group) {
    }

    private SettingsHierarchy(Optional<SettingsLayer> root, Map<String, SettingsLayer> groups,
                              Map<String, Device> devices) {
        this.root = root;
        this.groups = groups;
        this.devices = devices;
    }

    /**
     * Reads {@code defaults}, {@code groups} and {@code devices} of the file's root mapping; every problem
     * goes to {@code problems}. A setting key that no known sensor declares is a problem (a typo, or a
     * plugin that is missing); one that only other sensor types declare is fine here.
     */
    static SettingsHierarchy read(JsonNode file, SensorCatalog catalog, ConfigLoader.Problems problems) {
        Set<String> knownKeys = catalog.providers().stream()
                .flatMap(p -> p.descriptor().settings().stream()).map(SettingDescriptor::key)
                .collect(Collectors.toSet());
        KeyCheck check = new KeyCheck(knownKeys, catalog.ids(), problems);
        Optional<SettingsLayer> root = Optional.empty();
        JsonNode defaults = file.get("defaults");
        if (defaults != null && !defaults.isNull()) {
            if (defaults.isObject()) {
                root = Optional.of(SettingsLayer.of(ROOT_LEVEL, ROOT_NAME, check.values(defaults, "defaults")));
            } else {
                problems.add("defaults", "must be a mapping of setting keys to values");
            }
        }
        Map<String, SettingsLayer> groups = new LinkedHashMap<>();
        eachNamed(file.get("groups"), "groups", "group", GROUP_KEYS, problems, (name, node) -> {
            problems.unknownKeys("groups." + name + ".", node, GROUP_KEYS);
            groups.put(name, SettingsLayer.of(GROUP_LEVEL, name, check.settings(node, "groups." + name)));
        });
        Map<String, Device> devices = new LinkedHashMap<>();
        eachNamed(file.get("devices"), "devices", "device", DEVICE_KEYS, problems, (name, node) -> {
            String path = "devices." + name;
            problems.unknownKeys(path + ".", node, DEVICE_KEYS);
            Optional<String> group = ConfigLoader.text(node.get("group"), path + ".group", problems);
            if (group.isPresent() && !groups.containsKey(group.get())) {
                problems.add(path + ".group", "unknown group '" + group.get() + "' (known: "
                        + names(groups.keySet()) + ")");
                group = Optional.empty();
            }
            String host = ConfigLoader.text(node.get("host"), path + ".host", problems).orElse(null);
            devices.put(name, new Device(SettingsLayer.device(name, host, check.settings(node, path)), group));
        });
        return new SettingsHierarchy(root, groups, devices);
    }

    /**
     * Hands each well-formed entry of a mapping of names to mappings to {@code entry}, in file order; a bad
     * name or entry is a problem and skipped.
     */
    private static void eachNamed(JsonNode node, String path, String level, List<String> keys,
                                  ConfigLoader.Problems problems, BiConsumer<String, JsonNode> entry) {
        if (node == null || node.isNull()) {
            return;
        }
        String shape = "mapping with " + String.join(", ", keys);
        if (!node.isObject()) {
            problems.add(path, "must be a mapping of " + level + " names, each a " + shape);
            return;
        }
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (!InstanceLoader.ID.matcher(name).matches()) {
                problems.add(path + "." + name, "name may only contain letters, digits, '.', '_' and '-'");
            } else if (field.getValue().isNull()) {
                entry.accept(name, JsonNodeFactory.instance.objectNode());
            } else if (!field.getValue().isObject()) {
                problems.add(path + "." + name, "must be a " + shape);
            } else {
                entry.accept(name, field.getValue());
            }
        });
    }

    private static String names(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** Reads setting mappings and reports keys that no known sensor declares. */
    private record KeyCheck(Set<String> knownKeys, String sensorIds, ConfigLoader.Problems problems) {

        /** The {@code settings} mapping of a group or device at {@code path}. */
        Map<String, String> settings(JsonNode owner, String path) {
            JsonNode settings = owner.get("settings");
            if (settings == null || settings.isNull()) {
                return Map.of();
            }
            if (!settings.isObject()) {
                problems.add(path + ".settings", "must be a mapping of setting keys to values");
                return Map.of();
            }
            return values(settings, path + ".settings");
        }

        Map<String, String> values(JsonNode mapping, String path) {
            Map<String, String> values = RawSettings.read(mapping,
                    (key, rule) -> problems.add(path + "." + key, rule));
            List<String> unknown = new ArrayList<>();
            values.keySet().stream().filter(key -> !knownKeys.contains(key)).forEach(unknown::add);
            unknown.forEach(key -> {
                problems.add(path + "." + key, "not a setting of any known sensor (known sensors: " + sensorIds + ")");
                values.remove(key);
            });
            return values;
        }
    }

    /** Whether the file defines the device {@code name}. */
    boolean hasDevice(String name) {
        return devices.containsKey(name);
    }

    /** {@code mx1, mx2}, or {@code none}: for "unknown device" messages. */
    String deviceNames() {
        return names(devices.keySet());
    }

    /**
     * An instance's layers, nearest first: its own, its device's, the device's group's, the root's.
     *
     * @param device a name {@link #hasDevice} accepted, or empty
     */
    List<SettingsLayer> layers(SettingsLayer own, Optional<String> device) {
        List<SettingsLayer> layers = new ArrayList<>();
        layers.add(own);
        device.map(devices::get).ifPresent(d -> {
            layers.add(d.layer());
            d.group().map(groups::get).ifPresent(layers::add);
        });
        root.ifPresent(layers::add);
        return layers;
    }
}
