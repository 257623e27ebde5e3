package io.mailtrip.runner;

import io.mailtrip.host.AtomicFile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.mailtrip.host.ChartPoints;
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

    /**
     * Restores what the file holds for the board's instances; returns a warning when it cannot. Reads one
     * instance at a time: a day of history for thousands of instances is tens of MiB as text, and must
     * not have to fit in the heap as one tree.
     */
    Optional<String> loadInto(ResultBoard board) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (JsonParser parser = ResultJson.MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !"format".equals(parser.nextFieldName())
                    || parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != FORMAT
                    || !"instances".equals(parser.nextFieldName()) || parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.of(file + ": history ignored (unknown format)");
            }
            for (String id = parser.nextFieldName(); id != null; id = parser.nextFieldName()) {
                parser.nextToken();
                JsonNode node = ResultJson.MAPPER.readTree(parser);
                board.get(id).ifPresent(history -> restore(history, node));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(file + ": history ignored (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void restore(InstanceState history, JsonNode node) {
        InstanceState.Snapshot current = history.snapshot();
        List<String> keys = channelKeys(current);
        if (!node.path("sensor").asText().equals(current.descriptor().id())) {
            return;
        }
        List<String> storedKeys = new ArrayList<>();
        node.path("channels").forEach(k -> storedKeys.add(k.asText()));
        List<ChartPoints.Point> points = new ArrayList<>();
        if (storedKeys.equals(keys)) {
            for (JsonNode p : node.path("points")) {
                double[] values = new double[p.path("v").size()];
                for (int i = 0; i < values.length; i++) {
                    JsonNode v = p.path("v").get(i);
                    values[i] = v.isNumber() ? v.asDouble() : Double.NaN;
                }
                points.add(new ChartPoints.Point(Instant.parse(p.path("t").asText()),
                        Status.valueOf(p.path("s").asText()), values));
            }
        }
        history.restore(node.path("statuses").asText(), points);
    }

    /** Writes every history straight to the file, one instance after the other (no tree, no big string). */
    void save(ResultBoard board) throws IOException {
        AtomicFile.write(file, out -> {
            try (JsonGenerator json = ResultJson.MAPPER.getFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeNumberField("format", FORMAT);
                json.writeObjectFieldStart("instances");
                for (InstanceState history : board.states()) {
                    write(json, history);
                }
                json.writeEndObject();
                json.writeEndObject();
                json.writeRaw('\n');
            }
        });
    }

    private static void write(JsonGenerator json, InstanceState history) throws IOException {
        InstanceState.Snapshot snapshot = history.snapshot();
        json.writeObjectFieldStart(snapshot.instanceId());
        json.writeStringField("sensor", snapshot.descriptor().id());
        json.writeArrayFieldStart("channels");
        for (String key : channelKeys(snapshot)) {
            json.writeString(key);
        }
        json.writeEndArray();
        json.writeStringField("statuses", history.statusLetters());
        json.writeArrayFieldStart("points");
        for (ChartPoints.Point point : snapshot.points()) {
            json.writeStartObject();
            json.writeStringField("t", point.start().toString());
            json.writeStringField("s", point.status().name());
            json.writeArrayFieldStart("v");
            for (double v : point.values()) {
                if (Double.isNaN(v)) {
                    json.writeNull();
                } else {
                    // Points hold floats: written as the float they are, not its double expansion.
                    json.writeNumber((float) v);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static List<String> channelKeys(InstanceState.Snapshot snapshot) {
        return snapshot.descriptor().channels().stream().map(ChannelDescriptor::key).toList();
    }
}
