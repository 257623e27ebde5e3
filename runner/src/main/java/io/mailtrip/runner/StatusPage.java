package io.mailtrip.runner;

import io.mailtrip.host.RoleSettings;

import io.mailtrip.host.ChartPoints;
import io.mailtrip.host.DecimalText;

import io.mailtrip.host.MarkupText;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The HTML status page: each instance's primary channel and latest result, its sensor's name in the
 * request's language, and charts of the recent values: one per channel, or one stacked chart of the
 * channels that convert to the stack unit when the instance asks for {@code stacked}.
 */
final class StatusPage {

    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;color:#222}"
            + "section{border:1px solid #ccc;border-radius:6px;padding:.5em 1em;margin-bottom:1em}"
            + "h2{font-size:1.1em}.badge{padding:.1em .5em;border-radius:4px;color:#fff}"
            + ".UP{background:#2a7;fill:#2a7}.WARNING{background:#e90;fill:#e90}"
            + ".UNKNOWN{background:#888;fill:#888}.DOWN{background:#d33;fill:#d33}.NONE{background:#bbb}"
            + "figure{display:inline-block;margin:0 1em 0 0}.line{fill:none;stroke:#36c;stroke-width:1.5}"
            + ".axis{font-size:9px;fill:#666}figcaption{font-size:.85em}.primary{font-weight:normal}"
            + ".key{display:inline-block;width:.8em;height:.8em;margin:0 .2em 0 .6em}"
            + ".band0{fill:#36c;background:#36c}.band1{fill:#9c3;background:#9c3}"
            + ".band2{fill:#c6c;background:#c6c}.band3{fill:#f93;background:#f93}"
            + ".frame{stroke:#999;stroke-width:1}.threshold{stroke:#d33;stroke-width:1;stroke-dasharray:4 3}"
            + ".summary{font-size:1.2em}.summary b{padding:0 .3em}.failing{border-color:#d33;border-width:2px}"
            + ".since{color:#a00}details pre{white-space:pre-wrap;font-size:.85em;background:#f6f6f6;padding:.5em}";
    /** Above this many instances only failing ones get charts: the page must still load on a bad night. */
    static final int CHARTS_FOR_ALL_UP_TO = 200;
    /** Failing first, worst first: what someone woken at night looks for. */
    private static final List<String> ORDER = List.of("DOWN", "UNKNOWN", "WARNING", "NONE", "UP");
    private static final int PRIMARY_DECIMALS = 1;

    private StatusPage() {
    }

    /** @param language the language of sensor names (the page's own words stay English) */
    static String render(List<InstanceHistory.Snapshot> snapshots, Instant now, Locale language) {
        Map<String, Long> counts = snapshots.stream().collect(Collectors.groupingBy(StatusPage::statusName,
                Collectors.counting()));
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language.toLanguageTag())
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"30\"><title>mailtrip");
        long failing = snapshots.size() - counts.getOrDefault("UP", 0L) - counts.getOrDefault("NONE", 0L);
        if (failing > 0) {
            html.append(" (").append(failing).append(" failing)");
        }
        html.append("</title><style>").append(STYLE).append("</style></head><body><h1>mailtrip</h1>")
                .append("<p class=\"summary\" id=\"summary\">");
        for (String status : List.of("UP", "WARNING", "UNKNOWN", "DOWN", "NONE")) {
            html.append("<b class=\"badge ").append(status).append("\" data-count=\"").append(status).append("\">")
                    .append(counts.getOrDefault(status, 0L)).append(' ')
                    .append(status.equals("NONE") ? "no result yet" : status.toLowerCase(Locale.ROOT)).append("</b> ");
        }
        html.append("</p><p>").append(now.truncatedTo(ChronoUnit.SECONDS)).append(" &middot; ").append(snapshots.size())
                .append(" instance(s), failing first &middot; <a href=\"metrics\">metrics</a> &middot; ")
                .append("<a href=\"api/results\">api/results</a> &middot; <a href=\"healthz\">healthz</a>");
        boolean chartsForAll = snapshots.size() <= CHARTS_FOR_ALL_UP_TO;
        if (!chartsForAll) {
            html.append(" &middot; charts for failing instances only (more than ").append(CHARTS_FOR_ALL_UP_TO)
                    .append(" instances)");
        }
        html.append("</p>\n");
        List<InstanceHistory.Snapshot> ordered = new ArrayList<>(snapshots);
        ordered.sort(Comparator.comparingInt(s -> ORDER.indexOf(statusName(s))));
        ordered.forEach(s -> instance(s, language, chartsForAll || isFailing(s), now, html));
        return html.append("</body></html>\n").toString();
    }

    private static String statusName(InstanceHistory.Snapshot snapshot) {
        return snapshot.status().map(Status::name).orElse("NONE");
    }

    private static boolean isFailing(InstanceHistory.Snapshot snapshot) {
        return snapshot.status().filter(s -> s != Status.UP).isPresent();
    }

    private static void instance(InstanceHistory.Snapshot snapshot, Locale language, boolean withCharts, Instant now,
                                 StringBuilder html) {
        String status = statusName(snapshot);
        html.append("<section data-instance=\"").append(MarkupText.escape(snapshot.instanceId()))
                .append("\" data-status=\"").append(status).append('"')
                .append(isFailing(snapshot) ? " class=\"failing\"" : "").append("><h2>")
                .append(MarkupText.escape(snapshot.instanceId())).append(" <span class=\"badge ").append(status).append("\">")
                .append(status.equals("NONE") ? "no result yet" : status).append("</span>");
        primary(snapshot, html);
        html.append("</h2><p><span class=\"sensor-name\">")
                .append(MarkupText.escape(ResponseLanguage.sensorName(snapshot.descriptor(), language))).append("</span> (")
                .append(MarkupText.escape(snapshot.descriptor().id())).append(')');
        if (snapshot.latest().isPresent()) {
            SensorResult result = snapshot.latest().get().result();
            html.append(" &middot; ").append(result.start().truncatedTo(ChronoUnit.SECONDS)).append(" &middot; ")
                    .append(MarkupText.escape(result.message()));
        }
        html.append(" &middot; downtime ").append(DecimalText.rounded(snapshot.downtimePercent(), 2))
                .append("% &middot; runs ").append(snapshot.runs()).append(", skipped ")
                .append(snapshot.skippedRuns()).append("</p>\n");
        if (snapshot.failureStreak() > 0) {
            html.append("<p class=\"since\" data-streak=\"").append(snapshot.failureStreak()).append("\">")
                    .append(snapshot.failureStreak()).append(" failed run(s) in a row");
            snapshot.failingSince().ifPresent(since -> html.append(", failing since ")
                    .append(since.truncatedTo(ChronoUnit.SECONDS)).append(" (")
                    .append(Duration.between(since, now).toMinutes()).append(" min)"));
            html.append("</p>\n");
        }
        snapshot.latestFailure().ifPresent(failure -> trace(failure, html));
        if (withCharts) {
            charts(snapshot, html);
        }
        html.append("</section>\n");
    }

    /** The last failure's protocol trace, folded: one click away, not in the way of the summary. */
    private static void trace(RunRecord failure, StringBuilder html) {
        SensorResult result = failure.result();
        html.append("<details class=\"trace\"><summary>last failure ")
                .append(result.start().truncatedTo(ChronoUnit.SECONDS)).append(": ")
                .append(MarkupText.escape(ResultLine.summary(result))).append("</summary><pre>")
                .append(MarkupText.escape("phase=" + result.phase()));
        for (String line : result.details()) {
            html.append('\n').append(MarkupText.escape(line));
        }
        html.append("</pre></details>\n");
    }

    /** {@code Total 142.8 ms} beside the badge: the channel the instance says leads. */
    private static void primary(InstanceHistory.Snapshot snapshot, StringBuilder html) {
        snapshot.display().primary(snapshot.descriptor()).ifPresent(channel -> {
            ChannelValue value = snapshot.latest().map(r -> r.result().channel(channel.key()))
                    .orElse(ChannelValue.notMeasured());
            html.append(" <span class=\"primary\" data-channel=\"").append(MarkupText.escape(channel.key())).append("\">")
                    .append(MarkupText.escape(channel.label())).append(' ')
                    .append(value.measured() ? DecimalText.rounded(value.value(), PRIMARY_DECIMALS) + " "
                            + MarkupText.escape(channel.unit()) : "-")
                    .append("</span>");
        });
    }

    private static void charts(InstanceHistory.Snapshot snapshot, StringBuilder html) {
        List<Status> statuses = snapshot.points().stream().map(ChartPoints.Point::status).toList();
        List<ChannelDescriptor> all = snapshot.descriptor().channels();
        RoleSettings display = snapshot.display();
        List<ChannelDescriptor> stacked = display.ordered(snapshot.descriptor()).stream()
                .filter(c -> display.stackFactor(c).isPresent()).toList();
        if (!stacked.isEmpty()) {
            stackedChart(snapshot, stacked, statuses, html);
        }
        for (ChannelDescriptor channel : display.ordered(snapshot.descriptor())) {
            if (stacked.contains(channel)) {
                continue;
            }
            int index = all.indexOf(channel);
            List<Double> values = snapshot.points().stream().map(p -> p.values()[index]).toList();
            String label = channel.label() + " (" + channel.unit() + ")";
            html.append("<figure>").append(SvgChart.render(values, statuses, label, channel.key(),
                            axes(snapshot, channel.unit())))
                    .append("<figcaption>").append(MarkupText.escape(label)).append("</figcaption></figure>");
        }
    }

    /** Times under the plot and, for charts in ms or s, the run deadline as the threshold line. */
    private static SvgChart.Axes axes(InstanceHistory.Snapshot snapshot, String unit) {
        List<ChartPoints.Point> points = snapshot.points();
        String first = points.isEmpty() ? "" : TIME.format(points.get(0).start());
        String last = points.isEmpty() ? "" : TIME.format(points.get(points.size() - 1).start());
        OptionalDouble deadline = switch (unit) {
            case "ms" -> OptionalDouble.of(snapshot.budget().toMillis());
            case "s" -> OptionalDouble.of(snapshot.budget().toMillis() / 1e3);
            default -> OptionalDouble.empty();
        };
        return new SvgChart.Axes(first, last, snapshot.budget().isZero() ? OptionalDouble.empty() : deadline,
                "deadline");
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static void stackedChart(InstanceHistory.Snapshot snapshot, List<ChannelDescriptor> channels,
                                     List<Status> statuses, StringBuilder html) {
        String unit = snapshot.display().stackUnit().orElseThrow();
        List<ChannelDescriptor> all = snapshot.descriptor().channels();
        List<List<Double>> bands = new ArrayList<>();
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < channels.size(); i++) {
            ChannelDescriptor channel = channels.get(i);
            int index = all.indexOf(channel);
            OptionalDouble factor = snapshot.display().stackFactor(channel);
            bands.add(snapshot.points().stream().map(p -> p.values()[index] * factor.orElseThrow()).toList());
            legend.append("<span class=\"key band").append(i % StackedChart.COLOURS).append("\"></span>")
                    .append(MarkupText.escape(channel.label()));
        }
        String label = "stacked (" + unit + ")";
        html.append("<figure>").append(StackedChart.render(bands,
                        channels.stream().map(ChannelDescriptor::key).toList(), statuses, unit, label,
                        axes(snapshot, unit)))
                .append("<figcaption>").append(MarkupText.escape(label)).append(legend).append("</figcaption></figure>");
    }
}
