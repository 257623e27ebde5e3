package io.mailtrip.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The levels above the sensor instances in a configuration file: {@code defaults} (the root),
 * {@code groups} and {@code devices}, read the same way by every host (the runner, the Nagios plugin's
 * {@code --config}). It reads and checks them and hands each instance its layers, nearest first;
 * resolving them is {@link InheritedSettings}, so every host inherits alike. Values are not checked here:
 * an ancestor may serve sensors of several types, and each instance checks the values it inherits with
 * its own sensor's rules.
 */
public final class SettingsHierarchy {

    /** The sections of the file that hold settings; any of them makes a file hierarchical. */
    public static final List<String> SECTIONS = List.of("defaults", "groups", "devices", "sensors");
    public static final List<String> GROUP_KEYS = List.of("settings");
    public static final List<String> DEVICE_KEYS = List.of("group", "host", "settings");
    public static final String ROOT_LEVEL = "root";
    public static final String ROOT_NAME = "defaults";
    public static final String GROUP_LEVEL = "group";
    public static final String DEVICE_LEVEL = "device";
    public static final String SENSOR_LEVEL = "sensor";
    /** Names of instances, groups and devices. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

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
     * goes to {@code problems}.
     *
     * @param knownKey   whether a setting key belongs to a sensor the host can run; a key that fails it is a
     *                   problem (a typo, or a plugin that is missing). A host that knows only some of the
     *                   sensors a shared file serves accepts every key ({@link InheritedSettings} lists the
     *                   ones its sensor does not have).
     * @param knownNames how the known sensors are named in that problem ({@code smtp-pop3-roundtrip})
     */
    public static SettingsHierarchy read(JsonNode file, Predicate<String> knownKey, String knownNames,
                                         ConfigProblems problems) {
        KeyCheck check = new KeyCheck(knownKey, knownNames, problems);
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
            Optional<String> group = text(node.get("group"), path + ".group", problems);
            if (group.isPresent() && !groups.containsKey(group.get())) {
                problems.add(path + ".group", "unknown group '" + group.get() + "' (known: "
                        + names(groups.keySet()) + ")");
                group = Optional.empty();
            }
            String host = text(node.get("host"), path + ".host", problems).orElse(null);
            devices.put(name, new Device(SettingsLayer.device(name, host, check.settings(node, path)), group));
        });
        return new SettingsHierarchy(root, groups, devices);
    }

    /** A non-blank scalar at {@code key}, stripped; empty when absent, a problem when not text. */
    public static Optional<String> text(JsonNode node, String key, ConfigProblems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            problems.add(key, "must be a non-empty text");
            return Optional.empty();
        }
        return Optional.of(node.asText().strip());
    }

    /**
     * Hands each well-formed entry of a mapping of names to mappings to {@code entry}, in file order; a bad
     * name or entry is a problem and skipped.
     */
    private static void eachNamed(JsonNode node, String path, String level, List<String> keys,
                                  ConfigProblems problems, BiConsumer<String, JsonNode> entry) {
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
            if (!NAME.matcher(name).matches()) {
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
    private record KeyCheck(Predicate<String> knownKey, String sensorIds, ConfigProblems problems) {

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
            values.keySet().stream().filter(key -> !knownKey.test(key)).forEach(unknown::add);
            unknown.forEach(key -> {
                problems.add(path + "." + key, "not a setting of any known sensor (known sensors: " + sensorIds + ")");
                values.remove(key);
            });
            return values;
        }
    }

    /** Whether the file defines the device {@code name}. */
    public boolean hasDevice(String name) {
        return devices.containsKey(name);
    }

    /** {@code mx1, mx2}, or {@code none}: for "unknown device" messages. */
    public String deviceNames() {
        return names(devices.keySet());
    }

    /**
     * An instance's layers, nearest first: its own, its device's, the device's group's, the root's.
     *
     * @param device a name {@link #hasDevice} accepted, or empty
     */
    public List<SettingsLayer> layers(SettingsLayer own, Optional<String> device) {
        List<SettingsLayer> layers = new ArrayList<>();
        layers.add(own);
        device.map(devices::get).ifPresent(d -> {
            layers.add(d.layer());
            d.group().map(groups::get).ifPresent(layers::add);
        });
        root.ifPresent(layers::add);
        return layers;
    }

    /**
     * Where in the file the value of {@code key} that {@code origin} gave is written: the user's own
     * spelling for messages ({@code devices.mx1.settings.serverPort}, {@code devices.mx1.host} for a target
     * host that came from the device's host, {@code defaults.serverPort}); empty for a level not in this
     * hierarchy (an instance's own settings, the default).
     */
    public Optional<String> path(SettingOrigin origin, String key) {
        switch (origin.level()) {
            case ROOT_LEVEL:
                return Optional.of("defaults." + key);
            case GROUP_LEVEL:
                return Optional.of("groups." + origin.name() + ".settings." + key);
            case DEVICE_LEVEL:
                Device device = devices.get(origin.name());
                boolean fromHost = device != null && !device.layer().values().containsKey(key);
                return Optional.of("devices." + origin.name() + (fromHost ? ".host" : ".settings." + key));
            default:
                return Optional.empty();
        }
    }
}
