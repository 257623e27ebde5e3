package io.mailtrip.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.host.SensorProviders;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A runner history file (format 1, as the runner's {@code HistoryStore} writes it) in which every
 * instance already has a full history: {@code statuses} results for the downtime window and
 * {@code points} chart points, as after a day at a 60 s interval. Loading it puts the runner straight
 * into its steady-state memory use instead of the near-empty one of a short run.
 */
final class FullHistoryFile {

    private FullHistoryFile() {
    }

    static void write(Path file, int instances, int statuses, int points, int intervalSeconds) throws IOException {
        List<String> channels = SensorProviders.load(FullHistoryFile.class.getClassLoader())
                .require("smtp-pop3-roundtrip").descriptor().channels().stream().map(ChannelDescriptor::key).toList();
        Instant now = Instant.now();
        String letters = "U".repeat(statuses);
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("format", 1);
            json.writeObjectFieldStart("instances");
            for (int n = 0; n < instances; n++) {
                json.writeObjectFieldStart(ScaleConfig.instanceId(n));
                json.writeStringField("sensor", "smtp-pop3-roundtrip");
                json.writeArrayFieldStart("channels");
                for (String channel : channels) {
                    json.writeString(channel);
                }
                json.writeEndArray();
                json.writeStringField("statuses", letters);
                json.writeArrayFieldStart("points");
                for (int p = points; p > 0; p--) {
                    json.writeStartObject();
                    json.writeStringField("t", now.minusSeconds((long) p * intervalSeconds).toString());
                    json.writeStringField("s", "UP");
                    json.writeArrayFieldStart("v");
                    for (int c = 0; c < channels.size(); c++) {
                        json.writeNumber(40.0 + ((n + p + c) % 97) / 10.0);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }
}
