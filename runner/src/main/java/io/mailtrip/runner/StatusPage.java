package io.mailtrip.runner;

import io.mailtrip.host.RoleSettings;

import io.mailtrip.host.DecimalText;

import io.mailtrip.host.MarkupText;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
            + ".band2{fill:#c6c;background:#c6c}.band3{fill:#f93;background:#f93}";
    private static final int PRIMARY_DECIMALS = 1;

    private StatusPage() {
    }

    /** @param language the language of sensor names (the page's own words stay English) */
    static String render(List<InstanceHistory.Snapshot> snapshots, Instant now, Locale language) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language.toLanguageTag())
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"10\"><title>mailtrip</title><style>")
                .append(STYLE).append("</style></head><body><h1>mailtrip</h1><p>")
                .append(now.truncatedTo(ChronoUnit.SECONDS)).append(" &middot; ").append(snapshots.size())
                .append(" instance(s) &middot; <a href=\"metrics\">metrics</a> &middot; ")
                .append("<a href=\"api/results\">api/results</a></p>\n");
        snapshots.forEach(s -> instance(s, language, html));
        return html.append("</body></html>\n").toString();
    }

    private static void instance(InstanceHistory.Snapshot snapshot, Locale language, StringBuilder html) {
        String status = snapshot.latest().map(r -> r.result().status().name()).orElse("NONE");
        html.append("<section data-instance=\"").append(MarkupText.escape(snapshot.instanceId())).append("\"><h2>")
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
        charts(snapshot, html);
        html.append("</section>\n");
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
        List<Status> statuses = snapshot.points().stream().map(ResultPoint::status).toList();
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
            List<Double> values = snapshot.points().stream().map(p -> p.values().get(index)).toList();
            String label = channel.label() + " (" + channel.unit() + ")";
            html.append("<figure>").append(SvgChart.render(values, statuses, label, channel.key()))
                    .append("<figcaption>").append(MarkupText.escape(label)).append("</figcaption></figure>");
        }
    }

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
            bands.add(snapshot.points().stream().map(p -> p.values().get(index) * factor.orElseThrow()).toList());
            legend.append("<span class=\"key band").append(i % StackedChart.COLOURS).append("\"></span>")
                    .append(MarkupText.escape(channel.label()));
        }
        String label = "stacked (" + unit + ")";
        html.append("<figure>").append(StackedChart.render(bands,
                        channels.stream().map(ChannelDescriptor::key).toList(), statuses, unit, label))
                .append("<figcaption>").append(MarkupText.escape(label)).append(legend).append("</figcaption></figure>");
    }
}
