package io.mailtrip.nagios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mailtrip.host.BoundedFileReader;
import io.mailtrip.host.ConfigFileReader;
import io.mailtrip.spi.SensorDescriptor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code --config} file, in either of two forms: a flat YAML map of setting keys to values,
 * the keys of a runner instance's {@code settings:} ({@code pop3Password: ${file:/etc/mailtrip/pop3.pw}}),
 * or the runner's whole file with root {@code defaults}, {@code groups} and {@code devices} (its
 * {@code sensors} and any other runner section are left to the runner). Values may be references,
 * resolved later with the SPI's {@code ValueReferences}. The only class that touches Jackson, so the JVM
 * loads Jackson only when a file is given.
 */
final class YamlSettingsFile {

    /** Top-level keys of the runner's file: any of them makes a file hierarchical. */
    static final List<String> SECTIONS = List.of("defaults", "groups", "devices", "sensors");
    private static final Set<String> GROUP_KEYS = Set.of("settings");
    private static final Set<String> DEVICE_KEYS = Set.of("group", "host", "settings");

    private final Path file;
    private final String where;

    private YamlSettingsFile(Path file) {
        this.file = file;
        this.where = "--config " + file;
    }

    /** @throws UsageException naming the file and the key or line at fault; never echoes a value */
    static ConfigFile read(Path file, SensorDescriptor descriptor) {
        return new YamlSettingsFile(file).read(descriptor);
    }

    private ConfigFile read(SensorDescriptor descriptor) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(BoundedFileReader.read(file, ConfigFileReader.MAX_FILE_BYTES,
                    ConfigFileReader.MAX_FILE_TEXT));
        } catch (JsonProcessingException e) {
            // The parser's message quotes the text around the error, which may be a password.
            var location = e.getLocation();
            throw new UsageException(where, "is not valid YAML" + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        } catch (BoundedFileReader.Refused e) {
            throw new UsageException(where, e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new UsageException(where, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(file, false, Map.of(), Map.of(), Map.of());
        }
        if (!root.isObject()) {
            throw new UsageException(where, "must be a map of setting keys to values (like smtpHost: mail.example.org)"
                    + " or have " + String.join(", ", SECTIONS) + " sections");
        }
        return SECTIONS.stream().anyMatch(root::has) ? hierarchy(root, descriptor) : flat(root, descriptor);
    }

    private ConfigFile flat(JsonNode root, SensorDescriptor descriptor) {
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (descriptor.setting(key).isEmpty()) {
                throw new UsageException(where, "unknown key '" + key + "' (keys are the setting names that"
                        + " --help shows after each option, like " + descriptor.settings().get(0).key() + ")");
            }
            text(entry.getValue(), key).ifPresent(v -> values.put(key, new SourcedValue(v, where + ": " + key)));
        }
        return new ConfigFile(file, false, values, Map.of(), Map.of());
    }

    /**
     * The runner's form. Keys inside {@code settings} maps are not checked here: a file shared by several
     * sensor types may set keys this sensor does not have ({@code InheritedSettings} lists them).
     */
    private ConfigFile hierarchy(JsonNode root, SensorDescriptor descriptor) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (descriptor.setting(key).isPresent()) {
                // It would be silently ignored otherwise: the flat form's habit in the runner's form.
                throw new UsageException(where, key + " is a setting at the top level of a file with "
                        + String.join(", ", SECTIONS) + " sections; put it under defaults");
            }
        }
        Map<String, SourcedValue> defaults = settings(root.get("defaults"), "defaults");
        Map<String, Map<String, SourcedValue>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> group : entries(root.get("groups"), "groups", "group names")) {
            String path = "groups." + group.getKey();
            checkKeys(group.getValue(), path, GROUP_KEYS);
            groups.put(group.getKey(), settings(group.getValue().get("settings"), path + ".settings"));
        }
        Map<String, ConfigFile.Device> devices = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> device : entries(root.get("devices"), "devices", "device names")) {
            String path = "devices." + device.getKey();
            JsonNode node = device.getValue();
            checkKeys(node, path, DEVICE_KEYS);
            String group = scalar(node.get("group"), path + ".group").orElse(null);
            if (group != null && !groups.containsKey(group)) {
                throw new UsageException(where, path + ".group: '" + group + "' is not one of the groups ("
                        + (groups.isEmpty() ? "the file has none" : String.join(", ", groups.keySet())) + ")");
            }
            devices.put(device.getKey(), new ConfigFile.Device(group,
                    scalar(node.get("host"), path + ".host").orElse(null), where + ": " + path + ".host",
                    settings(node.get("settings"), path + ".settings")));
        }
        return new ConfigFile(file, true, defaults, groups, devices);
    }

    /** The entries of a section that maps names to maps ({@code groups}, {@code devices}); none when absent. */
    private List<Map.Entry<String, JsonNode>> entries(JsonNode section, String path, String names) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        if (section == null || section.isNull()) {
            return entries;
        }
        if (!section.isObject()) {
            throw new UsageException(where, path + " must be a map of " + names + " to their entries");
        }
        section.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isObject()) {
                throw new UsageException(where, path + "." + entry.getKey() + " must be a map (like settings:"
                        + " {...})");
            }
            entries.add(entry);
        });
        return entries;
    }

    private void checkKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new UsageException(where, path + ": unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private Map<String, SourcedValue> settings(JsonNode node, String path) {
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new UsageException(where, path + " must be a map of setting keys to values");
        }
        node.fields().forEachRemaining(entry -> {
            String entryPath = path + "." + entry.getKey();
            text(entry.getValue(), entryPath).ifPresent(v ->
                    values.put(entry.getKey(), new SourcedValue(v, where + ": " + entryPath)));
        });
        return values;
    }

    private Optional<String> scalar(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw new UsageException(where, path + " must be a single value");
        }
        return Optional.of(node.asText()).filter(text -> !text.isBlank());
    }

    private Optional<String> text(JsonNode node, String key) {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (node.isValueNode()) {
            return Optional.of(node.asText());
        }
        if (node.isArray()) {
            List<String> words = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isValueNode()) {
                    throw new UsageException(where, key + " must be a value or a list of values");
                }
                words.add(item.asText());
            }
            return Optional.of(String.join(" ", words));
        }
        throw new UsageException(where, key + " must be a value or a list of values, not a map");
    }
}
