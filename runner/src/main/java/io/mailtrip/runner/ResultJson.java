package io.mailtrip.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailtrip.host.ChartPoints;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;

import java.util.List;
import java.util.Locale;

/**
 * Results as JSON, the same shape for JSON lines and {@code /api/results}. A channel that was not
 * measured has {@code "value": null}, never a made-up number. Channels come primary first.
 */
final class ResultJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ResultJson() {
    }

    /** One result: what a JSON line holds. */
    static ObjectNode record(RunRecord record) {
        SensorResult result = record.result();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("time", result.start().toString());
        node.put("instance", record.instanceId());
        node.put("sensor", record.sensorId());
        node.put("status", result.status().name());
        node.put("phase", result.phase());
        node.put("message", result.message());
        node.put("elapsedSeconds", result.elapsed().toNanos() / 1e9);
        ObjectNode channels = node.putObject("channels");
        for (ChannelDescriptor channel : record.display().ordered(record.descriptor())) {
            ObjectNode entry = channels.putObject(channel.key());
            value(entry, result.channel(channel.key()));
            entry.put("unit", channel.unit());
        }
        return node;
    }

    private static void value(ObjectNode entry, ChannelValue value) {
        if (value.measured()) {
            entry.put("value", value.value());
        } else {
            entry.putNull("value");
        }
    }

    /**
     * Every instance with its primary channel's latest value, its sensor's name in {@code language}, its
     * latest result, counters and recent points: {@code /api/results}.
     */
    static ArrayNode board(List<InstanceState.Snapshot> snapshots, Locale language) {
        ArrayNode array = MAPPER.createArrayNode();
        for (InstanceState.Snapshot snapshot : snapshots) {
            ObjectNode node = array.addObject();
            snapshot.display().primary(snapshot.descriptor()).ifPresent(channel -> {
                ObjectNode primary = node.putObject("primary");
                primary.put("channel", channel.key());
                value(primary, snapshot.latest().map(r -> r.result().channel(channel.key()))
                        .orElse(ChannelValue.notMeasured()));
                primary.put("unit", channel.unit());
            });
            node.put("instance", snapshot.instanceId());
            node.put("sensor", snapshot.descriptor().id());
            node.put("name", ResponseLanguage.sensorName(snapshot.descriptor(), language));
            node.put("runs", snapshot.runs());
            node.put("skippedRuns", snapshot.skippedRuns());
            node.put("downtimePercent", snapshot.downtimePercent());
            if (snapshot.latest().isPresent()) {
                node.set("latest", record(snapshot.latest().get()));
            } else {
                node.putNull("latest");
            }
            List<ChannelDescriptor> channels = snapshot.descriptor().channels();
            List<ChannelDescriptor> ordered = snapshot.display().ordered(snapshot.descriptor());
            ArrayNode recent = node.putArray("recent");
            for (ChartPoints.Point point : snapshot.points()) {
                ObjectNode entry = recent.addObject();
                entry.put("time", point.start().toString());
                entry.put("status", point.status().name());
                ObjectNode values = entry.putObject("channels");
                for (ChannelDescriptor channel : ordered) {
                    // Points keep their values in descriptor order.
                    double value = point.values()[channels.indexOf(channel)];
                    if (Double.isNaN(value)) {
                        values.putNull(channel.key());
                    } else {
                        values.put(channel.key(), (float) value); // a chart point holds a float

                    }
                }
            }
        }
        return array;
    }
}
