package io.mailtrip.host;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A YAML mapping of setting keys to values as the flat {@code key -> text} map the SPI parses, at any
 * level of the file (a sensor, a device, a group, the root defaults). A YAML list becomes the SPI's
 * comma-separated list; {@code null} means unset. Types are checked later, by the sensor's metadata.
 */
public final class RawSettings {

    private RawSettings() {
    }

    /**
     * @param mapping a YAML mapping (the caller checked)
     * @param problem receives {@code (key, rule)} for a value that is neither a scalar nor a list of scalars
     */
    public static Map<String, String> read(JsonNode mapping, BiConsumer<String, String> problem) {
        Map<String, String> raw = new LinkedHashMap<>();
        mapping.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                return;
            }
            if (value.isValueNode()) {
                raw.put(field.getKey(), value.asText());
            } else if (value.isArray() && allValues(value)) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                raw.put(field.getKey(), String.join(", ", items));
            } else {
                problem.accept(field.getKey(), "must be a value or a list of values");
            }
        });
        return raw;
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }
}
