package io.mailtrip.runner;

import io.mailtrip.host.DecimalText;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * {@code /metrics} in the Prometheus text format 0.0.4, in the blackbox exporter's probe style:
 * {@code probe_success}, {@code probe_duration_seconds}, one phase gauge labelled by {@code phase}
 * (every measured channel whose unit is {@code ms}, so no channel name is known here), downtime and run
 * counters. Labels are the instance id and the sensor id only: never an address or a GUID, which would
 * make a new series per run.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String MILLISECONDS = "ms";
    private static final String DAYS = "d";
    private static final double SECONDS_PER_DAY = 86_400;

    private PrometheusText() {
    }

    static String render(List<InstanceHistory.Snapshot> snapshots) {
        StringBuilder out = new StringBuilder();
        family(out, "probe_success", "gauge", "1 when the last run of the instance was UP, else 0.", snapshots,
                (s, o) -> s.latest().ifPresent(r -> sample(o, "probe_success", labels(s, null),
                        r.result().status() == Status.UP ? "1" : "0")));
        family(out, "probe_duration_seconds", "gauge", "How long the last run took, in seconds.", snapshots,
                (s, o) -> s.latest().ifPresent(r -> sample(o, "probe_duration_seconds", labels(s, null),
                        DecimalText.exact(r.result().elapsed().toNanos() / 1e9))));
        family(out, "probe_phase_duration_seconds", "gauge",
                "Duration of each measured phase of the last run (the sensor's millisecond channels), in seconds.",
                snapshots, PrometheusText::phases);
        family(out, "probe_ssl_earliest_cert_expiry", "gauge",
                "Unix time of the earliest certificate expiry the last run saw (its channels in days, counted from"
                        + " the run's start); absent when the run used no TLS.", snapshots, PrometheusText::expiries);
        family(out, "probe_downtime_ratio", "gauge",
                "Share of DOWN results among the results kept in the instance's history, 0 to 1.", snapshots,
                (s, o) -> sample(o, "probe_downtime_ratio", labels(s, null),
                        DecimalText.exact(s.downtimePercent() / 100.0)));
        family(out, "mailtrip_runs_total", "counter", "Runs finished since the runner started.", snapshots,
                (s, o) -> sample(o, "mailtrip_runs_total", labels(s, null), Long.toString(s.runs())));
        family(out, "mailtrip_skipped_runs_total", "counter",
                "Planned starts skipped because the previous run of the instance was still going.", snapshots,
                (s, o) -> sample(o, "mailtrip_skipped_runs_total", labels(s, null), Long.toString(s.skippedRuns())));
        return out.toString();
    }

    private static void phases(InstanceHistory.Snapshot snapshot, StringBuilder out) {
        if (snapshot.latest().isEmpty()) {
            return;
        }
        SensorResult result = snapshot.latest().get().result();
        for (ChannelDescriptor channel : snapshot.descriptor().channels()) {
            ChannelValue value = result.channel(channel.key());
            if (MILLISECONDS.equals(channel.unit()) && value.measured()) {
                sample(out, "probe_phase_duration_seconds", labels(snapshot, channel.key()),
                        DecimalText.millisAsSeconds(value.value()));
            }
        }
    }

    /** A channel in days counts down to a moment (the certificate's expiry): exported as that moment. */
    private static void expiries(InstanceHistory.Snapshot snapshot, StringBuilder out) {
        if (snapshot.latest().isEmpty()) {
            return;
        }
        SensorResult result = snapshot.latest().get().result();
        for (ChannelDescriptor channel : snapshot.descriptor().channels()) {
            ChannelValue value = result.channel(channel.key());
            if (DAYS.equals(channel.unit()) && value.measured()) {
                double at = result.start().toEpochMilli() / 1000.0 + value.value() * SECONDS_PER_DAY;
                sample(out, "probe_ssl_earliest_cert_expiry", labels(snapshot, channel.key()),
                        DecimalText.exact(Math.round(at)));
            }
        }
    }

    private static void family(StringBuilder out, String name, String type, String help,
                               List<InstanceHistory.Snapshot> snapshots,
                               BiConsumer<InstanceHistory.Snapshot, StringBuilder> samples) {
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        snapshots.forEach(s -> samples.accept(s, out));
    }

    private static String labels(InstanceHistory.Snapshot snapshot, String phase) {
        return "instance=\"" + escapeLabel(snapshot.instanceId()) + "\",sensor=\""
                + escapeLabel(snapshot.descriptor().id()) + "\""
                + (phase == null ? "" : ",phase=\"" + escapeLabel(phase) + "\"");
    }

    private static void sample(StringBuilder out, String name, String labels, String value) {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
