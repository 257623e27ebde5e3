package io.mailtrip.nagios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mailtrip.spi.SensorDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --config} file: a YAML map of setting keys to values, the keys of the runner's YAML
 * ({@code pop3Password: ${file:/etc/mailtrip/pop3.pw}}). Values may be references, resolved later with
 * the SPI's {@code ValueReferences}. The only class that touches Jackson, so the JVM loads Jackson only
 * when a file is given.
 */
final class YamlSettingsFile {

    private YamlSettingsFile() {
    }

    /** @throws UsageException naming the file and the key or line at fault; never echoes a value */
    static Map<String, String> read(Path file, SensorDescriptor descriptor) {
        String where = "--config " + file;
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            // The parser's message quotes the text around the error, which may be a password.
            var location = e.getLocation();
            throw new UsageException(where, "is not valid YAML" + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        } catch (IOException | RuntimeException e) {
            throw new UsageException(where, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new UsageException(where, "must be a map of setting keys to values (like smtpHost: mail.example.org)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (descriptor.setting(key).isEmpty()) {
                throw new UsageException(where, "unknown key '" + key + "' (keys are the setting names that"
                        + " --help shows after each option, like " + descriptor.settings().get(0).key() + ")");
            }
            text(entry.getValue(), where, key).ifPresent(v -> values.put(key, v));
        }
        return values;
    }

    private static Optional<String> text(JsonNode node, String where, String key) {
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
