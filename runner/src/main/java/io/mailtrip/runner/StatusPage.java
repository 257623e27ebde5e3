package io.mailtrip.runner;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The HTML status page: each instance's latest result and a chart of every channel's recent values. */
final class StatusPage {

    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;color:#222}"
            + "section{border:1px solid #ccc;border-radius:6px;padding:.5em 1em;margin-bottom:1em}"
            + "h2{font-size:1.1em}.badge{padding:.1em .5em;border-radius:4px;color:#fff}"
            + ".UP{background:#2a7;fill:#2a7}.WARNING{background:#e90;fill:#e90}"
            + ".UNKNOWN{background:#888;fill:#888}.DOWN{background:#d33;fill:#d33}.NONE{background:#bbb}"
            + "figure{display:inline-block;margin:0 1em 0 0}.line{fill:none;stroke:#36c;stroke-width:1.5}"
            + ".axis{font-size:9px;fill:#666}figcaption{font-size:.85em}";

    private StatusPage() {
    }

    static String render(List<InstanceHistory.Snapshot> snapshots, Instant now) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"10\"><title>mailtrip</title><style>")
                .append(STYLE).append("</style></head><body><h1>mailtrip</h1><p>")
                .append(now.truncatedTo(ChronoUnit.SECONDS)).append(" &middot; ").append(snapshots.size())
                .append(" instance(s) &middot; <a href=\"metrics\">metrics</a> &middot; ")
                .append("<a href=\"api/results\">api/results</a></p>\n");
        snapshots.forEach(s -> instance(s, html));
        return html.append("</body></html>\n").toString();
    }

    private static void instance(InstanceHistory.Snapshot snapshot, StringBuilder html) {
        String status = snapshot.latest().map(r -> r.result().status().name()).orElse("NONE");
        html.append("<section><h2>").append(escape(snapshot.instanceId())).append(" <span class=\"badge ")
                .append(status).append("\">").append(status.equals("NONE") ? "no result yet" : status)
                .append("</span></h2><p>").append(escape(snapshot.descriptor().id()));
        if (snapshot.latest().isPresent()) {
            SensorResult result = snapshot.latest().get().result();
            html.append(" &middot; ").append(result.start().truncatedTo(ChronoUnit.SECONDS)).append(" &middot; ")
                    .append(escape(result.message()));
        }
        html.append(" &middot; downtime ").append(DecimalText.rounded(snapshot.downtimePercent(), 2))
                .append("% &middot; runs ").append(snapshot.runs()).append(", skipped ")
                .append(snapshot.skippedRuns()).append("</p>\n");
        List<Status> statuses = snapshot.points().stream().map(ResultPoint::status).toList();
        List<ChannelDescriptor> channels = snapshot.descriptor().channels();
        for (int i = 0; i < channels.size(); i++) {
            int index = i;
            ChannelDescriptor channel = channels.get(i);
            List<Double> values = snapshot.points().stream().map(p -> p.values().get(index)).toList();
            String label = channel.label() + " (" + channel.unit() + ")";
            html.append("<figure>").append(SvgChart.render(values, statuses, label)).append("<figcaption>")
                    .append(escape(label)).append("</figcaption></figure>");
        }
        html.append("</section>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
