package io.mailtrip.runner;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /metrics}, made with the official Prometheus Java client (data model, registry, and the text,
 * OpenMetrics and protobuf writers chosen by the scrape's {@code Accept} header), in the blackbox
 * exporter's probe style:
 * <ul>
 *   <li>{@code probe_success}, {@code probe_duration_seconds}: as blackbox_exporter names them;</li>
 *   <li>{@code mailtrip_probe_status}: a state set, so DOWN, WARNING and UNKNOWN are told apart;</li>
 *   <li>one gauge per channel, by unit: {@code mailtrip_channel_seconds{channel}} (channels in ms or s),
 *       {@code mailtrip_channel_ratio} (channels in %), {@code mailtrip_channel_span_seconds} (channels in
 *       days, such as certificate expiry), else
 *       {@code mailtrip_channel_value}; a channel the SPI marks as the sum of others goes to the
 *       {@code mailtrip_channel_combined_*} family instead, so {@code sum by (...)} over a family never
 *       counts it twice;</li>
 *   <li>the last run's start as Unix time and the run deadline, for staleness and "late run" alerts;</li>
 *   <li>run, skipped-run and failure-streak figures.</li>
 * </ul>
 * A series exists from the start and stays: a value not measured (a failed run, no run yet) is
 * {@code NaN}, so a graph shows a gap instead of the last good value. Labels: {@code sensor_instance},
 * {@code sensor} and the instance's tags; never {@code instance}, which Prometheus sets to the target.
 */
final class PrometheusMetrics {

    private static final String MILLISECONDS = "ms";
    private static final ExpositionFormats FORMATS = ExpositionFormats.init();

    private final PrometheusRegistry registry = new PrometheusRegistry();

    PrometheusMetrics(Supplier<List<InstanceState.Snapshot>> snapshots) {
        MultiCollector collector = () -> collect(snapshots.get());
        registry.register(collector);
    }

    /** A scrape's body in the format {@code accept} asks for (text 0.0.4 when it asks for none we write). */
    record Scrape(String contentType, byte[] body) {
    }

    Scrape scrape(String accept) {
        ExpositionFormatWriter writer = FORMATS.findWriter(accept);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scrape(writer.getContentType(), out.toByteArray());
    }

    static MetricSnapshots collect(List<InstanceState.Snapshot> snapshots) {
        GaugeSnapshot.Builder success = gauge("probe_success",
                "1 when the last run of the instance was UP, 0 when it was not, NaN before the first run.");
        GaugeSnapshot.Builder duration = gauge("probe_duration_seconds",
                "How long the last run took, in seconds.").unit(Unit.SECONDS);
        StateSetSnapshot.Builder status = StateSetSnapshot.builder().name("mailtrip_probe_status")
                .help("Status of the last run: up, warning, down or unknown (none set before the first run).");
        GaugeSnapshot.Builder lastRun = gauge("mailtrip_probe_last_run_timestamp_seconds",
                "Start of the last run, Unix time; NaN before the first run.").unit(Unit.SECONDS);
        GaugeSnapshot.Builder deadline = gauge("mailtrip_probe_deadline_seconds",
                "The time a run may take at most (its deadline), in seconds.").unit(Unit.SECONDS);
        GaugeSnapshot.Builder interval = gauge("mailtrip_probe_interval_seconds",
                "Time between two planned starts of the instance, in seconds.").unit(Unit.SECONDS);
        GaugeSnapshot.Builder streak = gauge("mailtrip_probe_consecutive_failures",
                "Runs in a row, up to the last, whose status was not UP.");
        InfoSnapshot.Builder info = InfoSnapshot.builder().name("mailtrip_probe")
                .help("How the instance wants its channels shown: graph_type stacked or independent, "
                        + "primary_channel (dashboards select panels by it).");
        CounterSnapshot.Builder runs = CounterSnapshot.builder().name("mailtrip_runs")
                .help("Runs finished since the runner started.");
        CounterSnapshot.Builder skipped = CounterSnapshot.builder().name("mailtrip_skipped_runs")
                .help("Planned starts skipped because the previous run of the instance was still going.");
        Map<String, GaugeSnapshot.Builder> channels = new LinkedHashMap<>();
        for (InstanceState.Snapshot s : snapshots) {
            Labels labels = labels(s);
            SensorResult result = s.latest().map(RunRecord::result).orElse(null);
            success.dataPoint(point(labels, result == null ? Double.NaN : result.status() == Status.UP ? 1 : 0));
            duration.dataPoint(point(labels, result == null ? Double.NaN : result.elapsed().toNanos() / 1e9));
            StateSetSnapshot.StateSetDataPointSnapshot.Builder states =
                    StateSetSnapshot.StateSetDataPointSnapshot.builder().labels(labels);
            for (Status candidate : Status.values()) {
                states.state(candidate.name().toLowerCase(Locale.ROOT), result != null && result.status() == candidate);
            }
            status.dataPoint(states.build());
            lastRun.dataPoint(point(labels, result == null ? Double.NaN : result.start().toEpochMilli() / 1e3));
            deadline.dataPoint(point(labels, s.budget().toMillis() / 1e3));
            interval.dataPoint(point(labels, s.interval().toMillis() / 1e3));
            streak.dataPoint(point(labels, s.failureStreak()));
            info.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(labels
                    .add("graph_type", s.display().stackUnit().isPresent() ? "stacked" : "independent")
                    .add("primary_channel", s.display().primary(s.descriptor()).map(ChannelDescriptor::key).orElse("")))
                    .build());
            runs.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(s.runs()).build());
            skipped.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels)
                    .value(s.skippedRuns()).build());
            for (ChannelDescriptor channel : s.descriptor().channels()) {
                ChannelFamily family = ChannelFamily.of(channel);
                ChannelValue value = result == null ? ChannelValue.notMeasured() : result.channel(channel.key());
                channels.computeIfAbsent(family.name(), name -> gauge(name, family.help()).unit(family.unit()))
                        .dataPoint(point(labels.add("channel", channel.key()),
                                value.measured() ? value.value() * family.factor() : Double.NaN));
            }
        }
        List<MetricSnapshot> all = new ArrayList<>(List.of(success.build(), duration.build(), status.build(),
                lastRun.build(), deadline.build(), interval.build(), streak.build(), info.build(), runs.build(),
                skipped.build()));
        channels.values().forEach(b -> all.add(b.build()));
        return new MetricSnapshots(all);
    }

    /**
     * The gauge family a channel's values go to, by its unit, and the factor to the family's base unit.
     *
     * @param unit {@code null} when the family has no base unit
     */
    record ChannelFamily(String name, String help, Unit unit, double factor) {

        static ChannelFamily of(ChannelDescriptor channel) {
            String prefix = channel.sum() ? "mailtrip_channel_combined" : "mailtrip_channel";
            String what = channel.sum() ? "Channels that are the sum of other channels" : "Each measured channel";
            return switch (channel.unit()) {
                case MILLISECONDS -> new ChannelFamily(prefix + "_seconds", what + " of the last run, in seconds; "
                        + "NaN when not measured.", Unit.SECONDS, 1e-3);
                case "s" -> new ChannelFamily(prefix + "_seconds", what + " of the last run, in seconds; "
                        + "NaN when not measured.", Unit.SECONDS, 1);
                case "%" -> new ChannelFamily(prefix + "_ratio", what + " given in percent, as a ratio 0 to 1; "
                        + "NaN when not measured.", Unit.RATIO, 1e-2);
                // Prometheus' base unit is the second, also for a span of days (promtool says so).
                case "d" -> new ChannelFamily(prefix + "_span_seconds", what + " the sensor counts in days (such as "
                        + "the time left until a certificate expires), in seconds; NaN when not measured.",
                        Unit.SECONDS, 86_400);
                default -> new ChannelFamily(prefix + "_value", what + " whose unit has no family of its own, "
                        + "as the sensor reports it; NaN when not measured.", null, 1);
            };
        }
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static Labels labels(InstanceState.Snapshot snapshot) {
        Labels.Builder labels = Labels.builder().label("sensor_instance", snapshot.instanceId())
                .label("sensor", snapshot.descriptor().id());
        snapshot.tags().values().forEach(labels::label);
        return labels.build();
    }
}
