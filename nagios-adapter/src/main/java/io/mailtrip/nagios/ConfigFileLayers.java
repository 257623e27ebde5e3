package io.mailtrip.nagios;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailtrip.host.ConfigFileReader;
import io.mailtrip.host.ConfigProblems;
import io.mailtrip.host.RawSettings;
import io.mailtrip.host.SettingOrigin;
import io.mailtrip.host.SettingsHierarchy;
import io.mailtrip.host.SettingsLayer;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.SensorDescriptor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --config} file's levels, read by the host kit's one reader with the runner's rules, in either
 * of two forms: a flat map of setting keys to values (the keys of a runner instance's {@code settings:}),
 * or the runner's whole file, whose {@code --device} entry, its group and the root {@code defaults}
 * apply, nearest first, after this sensor's instance on that device in {@code sensors} (if it has one).
 * The only class of the plugin that touches Jackson, so the JVM loads Jackson only when a file is given.
 *
 * @param layers nearest first
 * @param paths  where in the file each level's values are written, for messages
 */
record ConfigFileLayers(List<SettingsLayer> layers, Paths paths) {

    /** The user's spelling of a value a level of the file gave. */
    interface Paths {
        /** {@code devices.mx1.settings.serverPort}; empty for a level not from the file */
        Optional<String> path(SettingOrigin origin, String key);
    }

    /**
     * @param exampleKey a setting to name in the "unknown key" message of a flat file
     * @throws ConfigurationException naming the file (and the entry) or {@code --device}, never a value
     */
    static ConfigFileLayers read(Path file, String device, SensorDescriptor descriptor, String exampleKey) {
        String where = "--config " + file;
        ConfigProblems problems = new ConfigProblems(where);
        JsonNode root = ConfigFileReader.read(file, problems).orElse(null);
        problems.throwIfAny();
        if (!root.isObject()) {
            throw new ConfigurationException(where, "must be a map of setting keys to values (like " + exampleKey
                    + ": ...) or have " + String.join(", ", SettingsHierarchy.SECTIONS) + " sections");
        }
        boolean hierarchical = false;
        for (String section : SettingsHierarchy.SECTIONS) {
            hierarchical |= root.has(section);
        }
        return hierarchical ? hierarchy(root, file, device, descriptor, problems)
                : flat(root, file, device, descriptor, exampleKey, problems);
    }

    private static ConfigFileLayers flat(JsonNode root, Path file, String device, SensorDescriptor descriptor,
                                         String exampleKey, ConfigProblems problems) {
        if (device != null) {
            throw new ConfigurationException("--device", "needs a --config file with a devices section, but " + file
                    + " is a flat map of settings");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (descriptor.setting(key).isEmpty()) {
                problems.add("", "unknown key '" + key + "' (keys are the setting names that --help shows after"
                        + " each option, like " + exampleKey + ")");
            }
        }
        Map<String, String> values = RawSettings.read(root, (key, rule) -> problems.add(key, rule));
        problems.throwIfAny();
        SettingOrigin origin = new SettingOrigin("--config", file.toString());
        return new ConfigFileLayers(List.of(new SettingsLayer(origin, values, Optional.empty())),
                (from, key) -> from.equals(origin) ? Optional.of(key) : Optional.empty());
    }

    private static ConfigFileLayers hierarchy(JsonNode root, Path file, String device, SensorDescriptor descriptor,
                                              ConfigProblems problems) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (descriptor.setting(key).isPresent()) {
                // It would be silently ignored otherwise: the flat form's habit in the runner's form.
                problems.add("", key + " is a setting at the top level of a file with "
                        + String.join(", ", SettingsHierarchy.SECTIONS) + " sections; put it under defaults");
            }
        }
        // Keys of other sensor types are fine: the file may serve them in the runner (InheritedSettings lists them).
        SettingsHierarchy hierarchy = SettingsHierarchy.read(root, key -> true, descriptor.id(), problems);
        problems.throwIfAny();
        if (device != null && !hierarchy.hasDevice(device)) {
            throw new ConfigurationException("--device", "'" + device + "' is not a device of --config " + file
                    + " (devices: " + hierarchy.deviceNames() + ")");
        }
        SensorEntry entry = device == null ? SensorEntry.NONE : SensorEntry.find(root, descriptor.id(), device, file);
        List<SettingsLayer> layers = hierarchy.layers(entry.layer(), Optional.ofNullable(device));
        Paths paths = (origin, key) -> origin.equals(entry.layer().origin())
                ? Optional.of(entry.path() + ".settings." + key) : hierarchy.path(origin, key);
        return new ConfigFileLayers(layers, paths);
    }

    /** This sensor's instance on the device in the runner's {@code sensors} list, if the file has one. */
    private record SensorEntry(SettingsLayer layer, String path) {

        static final SensorEntry NONE = new SensorEntry(SettingsLayer.of(SettingsHierarchy.SENSOR_LEVEL, "", Map.of()),
                "sensors");

        static SensorEntry find(JsonNode root, String sensorId, String device, Path file) {
            JsonNode sensors = root.get("sensors");
            List<Integer> found = new ArrayList<>();
            if (sensors != null && sensors.isArray()) {
                for (int i = 0; i < sensors.size(); i++) {
                    JsonNode node = sensors.get(i);
                    if (node.isObject() && sensorId.equals(node.path("sensor").asText())
                            && device.equals(node.path("device").asText())) {
                        found.add(i);
                    }
                }
            }
            if (found.isEmpty()) {
                return NONE;
            }
            if (found.size() > 1) {
                throw new ConfigurationException("--device", "'" + device + "' has " + found.size() + " "
                        + sensorId + " instances in --config " + file + " (sensors " + found
                        + "); the plugin checks one: give each its own device");
            }
            int index = found.get(0);
            String path = "sensors[" + index + "]";
            JsonNode settings = sensors.get(index).get("settings");
            ConfigProblems problems = new ConfigProblems("--config " + file);
            Map<String, String> values = settings == null || !settings.isObject() ? Map.of()
                    : RawSettings.read(settings, (key, rule) -> problems.add(path + ".settings." + key, rule));
            problems.throwIfAny();
            String name = sensors.get(index).path("id").asText(path);
            return new SensorEntry(SettingsLayer.of(SettingsHierarchy.SENSOR_LEVEL, name, values), path);
        }
    }
}
