package io.mailtrip.runner;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.mailtrip.host.ChartPoints;
import io.mailtrip.spi.Status;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the JSON history file of format 1 that runners before the journal wrote every minute, so an
 * upgrade keeps its history; the runner then writes a {@link HistorySnapshotFile} in its place.
 */
final class LegacyHistoryFile {

    private static final int FORMAT = 1;

    private LegacyHistoryFile() {
    }

    /**
     * Hands every stored instance to {@code restore}, one at a time: a day of history for thousands of
     * instances is tens of MiB as text, and must not have to fit in the heap as one tree.
     *
     * @return false when the file is not of format 1 (nothing restored)
     * @throws IOException when the file is not valid JSON
     */
    static boolean read(Path file, Consumer<StoredHistory> restore) throws IOException {
        try (JsonParser parser = ResultJson.MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !"format".equals(parser.nextFieldName())
                    || parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != FORMAT
                    || !"instances".equals(parser.nextFieldName()) || parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (String id = parser.nextFieldName(); id != null; id = parser.nextFieldName()) {
                parser.nextToken();
                restore.accept(stored(id, ResultJson.MAPPER.readTree(parser)));
            }
            return true;
        }
    }

    private static StoredHistory stored(String id, JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.path("channels").forEach(k -> keys.add(k.asText()));
        List<ChartPoints.Point> points = new ArrayList<>();
        for (JsonNode p : node.path("points")) {
            double[] values = new double[p.path("v").size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = p.path("v").get(i);
                values[i] = v.isNumber() ? v.asDouble() : Double.NaN;
            }
            points.add(new ChartPoints.Point(Instant.parse(p.path("t").asText()), Status.valueOf(p.path("s").asText()),
                    values));
        }
        return new StoredHistory(id, node.path("sensor").asText(), keys, node.path("statuses").asText(), points,
                StoredHistory.NO_START);
    }
}
