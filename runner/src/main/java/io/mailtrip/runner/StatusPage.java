package io.mailtrip.runner;

import io.mailtrip.host.ChartSet;
import io.mailtrip.host.DecimalText;
import io.mailtrip.host.MarkupText;
import io.mailtrip.host.SvgChart;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTML status page: each instance's primary channel and latest result, its sensor's name in the
 * request's language, and charts of the recent values drawn by the host kit's {@link SvgChart}: one per
 * channel, or one stacked chart of the channels that convert to the stack unit when the instance asks for
 * {@code stacked}.
 */
final class StatusPage {

    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;color:#222}"
            + "section{border:1px solid #ccc;border-radius:6px;padding:.5em 1em;margin-bottom:1em}"
            + "h2{font-size:1.1em}.badge{padding:.1em .5em;border-radius:4px;color:#fff}"
            + ".UP{background:#2a7;fill:#2a7}.WARNING{background:#e90;fill:#e90}"
            + ".UNKNOWN{background:#888;fill:#888}.DOWN{background:#d33;fill:#d33}.NONE{background:#bbb}"
            + "figure{display:inline-block;margin:0 1em 0 0}figcaption{font-size:.85em}.primary{font-weight:normal}"
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
    static String render(List<InstanceState.Snapshot> snapshots, Instant now, Locale language) {
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
        List<InstanceState.Snapshot> ordered = new ArrayList<>(snapshots);
        ordered.sort(Comparator.comparingInt(s -> ORDER.indexOf(statusName(s))));
        ordered.forEach(s -> instance(s, language, chartsForAll || isFailing(s), now, html));
        return html.append("</body></html>\n").toString();
    }

    private static String statusName(InstanceState.Snapshot snapshot) {
        return snapshot.status().map(Status::name).orElse("NONE");
    }

    private static boolean isFailing(InstanceState.Snapshot snapshot) {
        return snapshot.status().filter(s -> s != Status.UP).isPresent();
    }

    private static void instance(InstanceState.Snapshot snapshot, Locale language, boolean withCharts, Instant now,
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
    private static void primary(InstanceState.Snapshot snapshot, StringBuilder html) {
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

    /** The instance's charts as its display settings say, with the run deadline as their threshold. */
    private static void charts(InstanceState.Snapshot snapshot, StringBuilder html) {
        List<String> channels = snapshot.descriptor().channels().stream().map(ChannelDescriptor::key).toList();
        html.append(SvgChart.figures(ChartSet.of(snapshot.points(), channels, snapshot.descriptor(), snapshot.display(),
                snapshot.budget(), ZoneOffset.UTC)));
    }
}
