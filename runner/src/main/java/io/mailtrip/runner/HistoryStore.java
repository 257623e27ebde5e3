package io.mailtrip.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.Status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the histories across restarts in one JSON file, replaced atomically, so downtime and charts
 * go on where they stopped. History of an instance whose sensor or channels changed is dropped, not
 * misread.
 */
final class HistoryStore {

    private static final int FORMAT = 1;

    private final Path file;

    HistoryStore(Path file) {
        this.file = file;
    }

    /** Restores what the file holds for the board's instances; returns a warning when it cannot. */
    Optional<String> loadInto(ResultBoard board) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = ResultJson.MAPPER.readTree(file.toFile());
            if (root == null || root.path("format").asInt() != FORMAT) {
                return Optional.of(file + ": history ignored (unknown format)");
            }
            root.path("instances").fields().forEachRemaining(entry -> board.get(entry.getKey())
                    .ifPresent(history -> restore(history, entry.getValue())));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(file + ": history ignored (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void restore(InstanceHistory history, JsonNode node) {
        InstanceHistory.Snapshot current = history.snapshot();
        List<String> keys = channelKeys(current);
        if (!node.path("sensor").asText().equals(current.descriptor().id())) {
            return;
        }
        List<String> storedKeys = new ArrayList<>();
        node.path("channels").forEach(k -> storedKeys.add(k.asText()));
        List<ResultPoint> points = new ArrayList<>();
        if (storedKeys.equals(keys)) {
            for (JsonNode p : node.path("points")) {
                List<Double> values = new ArrayList<>();
                p.path("v").forEach(v -> values.add(v.isNumber() ? v.asDouble() : Double.NaN));
                points.add(new ResultPoint(Instant.parse(p.path("t").asText()), Status.valueOf(p.path("s").asText()),
                        values));
            }
        }
        history.restore(node.path("statuses").asText(), points);
    }

    void save(ResultBoard board) throws IOException {
        ObjectNode root = ResultJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode instances = root.putObject("instances");
        for (InstanceHistory history : board.histories()) {
            InstanceHistory.Snapshot snapshot = history.snapshot();
            ObjectNode node = instances.putObject(snapshot.instanceId());
            node.put("sensor", snapshot.descriptor().id());
            ArrayNode channels = node.putArray("channels");
            channelKeys(snapshot).forEach(channels::add);
            node.put("statuses", history.statusLetters());
            ArrayNode points = node.putArray("points");
            for (ResultPoint point : snapshot.points()) {
                ObjectNode p = points.addObject();
                p.put("t", point.start().toString());
                p.put("s", point.status().name());
                ArrayNode values = p.putArray("v");
                point.values().forEach(v -> {
                    if (v.isNaN()) {
                        values.addNull();
                    } else {
                        values.add(v);
                    }
                });
            }
        }
        AtomicFile.write(file, ResultJson.MAPPER.writeValueAsString(root) + "\n");
    }

    private static List<String> channelKeys(InstanceHistory.Snapshot snapshot) {
        return snapshot.descriptor().channels().stream().map(ChannelDescriptor::key).toList();
    }
}
