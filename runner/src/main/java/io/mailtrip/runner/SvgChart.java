package io.mailtrip.runner;

import io.mailtrip.host.DecimalText;

import io.mailtrip.host.MarkupText;

import io.mailtrip.spi.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * A small inline SVG line chart of one channel's recent values, drawn on the server so the status page
 * needs no script library. Gaps (not measured) break the line; a strip below shows each run's status.
 */
final class SvgChart {

    static final int WIDTH = 320;
    static final int HEIGHT = 90;
    private static final int STRIP = 6;
    /** Room above the plot for the "max" note. */
    static final int PLOT_TOP = 14;
    static final int PLOT_HEIGHT = HEIGHT - STRIP - PLOT_TOP;

    private SvgChart() {
    }

    /**
     * What frames a chart: the times under its first and last point, and a threshold line (the run
     * deadline, in the chart's unit) drawn when it falls inside the plot, named in the axis note otherwise.
     */
    record Axes(String firstTime, String lastTime, java.util.OptionalDouble threshold, String thresholdLabel) {
        static final Axes NONE = new Axes("", "", java.util.OptionalDouble.empty(), "");
    }

    /** @param channel the channel's key, in {@code data-channel} so scripts and tests can find the chart */
    static String render(List<Double> values, List<Status> statuses, String label, String channel) {
        return render(values, statuses, label, channel, Axes.NONE);
    }

    static String render(List<Double> values, List<Status> statuses, String label, String channel, Axes axes) {
        double max = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(0);
        double top = max <= 0 ? 1 : max;
        double step = values.size() <= 1 ? 0 : (double) WIDTH / (values.size() - 1);
        StringBuilder svg = open(label, "data-chart=\"channel\" data-channel=\"" + MarkupText.escape(channel) + "\"",
                max);
        for (List<String> segment : segments(values, step, top, PLOT_HEIGHT)) {
            svg.append("<polyline class=\"line\" points=\"").append(String.join(" ", segment)).append("\"/>");
        }
        axes(svg, axes, top);
        statusStrip(svg, statuses);
        return svg.append("</svg>").toString();
    }

    /** The y axis (0 at the base line), the first and last time under the plot, and the threshold. */
    static void axes(StringBuilder svg, Axes axes, double top) {
        int base = PLOT_TOP + PLOT_HEIGHT;
        svg.append("<line class=\"frame\" x1=\"0\" y1=\"").append(PLOT_TOP).append("\" x2=\"0\" y2=\"")
                .append(base).append("\"/><line class=\"frame\" x1=\"0\" y1=\"").append(base)
                .append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(base).append("\"/>")
                .append("<text x=\"2\" y=\"").append(base - 2).append("\" class=\"axis\">0</text>");
        if (!axes.firstTime().isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 3).append("\" y=\"10\" class=\"axis time\">")
                    .append(MarkupText.escape(axes.firstTime())).append(" &#8594; ")
                    .append(MarkupText.escape(axes.lastTime())).append("</text>");
        }
        if (axes.threshold().isPresent()) {
            double value = axes.threshold().getAsDouble();
            if (value <= top) {
                String y = DecimalText.rounded(PLOT_TOP + PLOT_HEIGHT - value / top * PLOT_HEIGHT, 1);
                svg.append("<line class=\"threshold\" data-threshold=\"").append(DecimalText.machine(value))
                        .append("\" x1=\"0\" y1=\"").append(y).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                        .append(y).append("\"/>");
            }
            svg.append("<text x=\"").append(WIDTH - 2).append("\" y=\"10\" class=\"axis threshold-note\" ")
                    .append("text-anchor=\"end\">").append(MarkupText.escape(axes.thresholdLabel())).append(' ')
                    .append(DecimalText.rounded(value, 1)).append(value > top ? " (above)" : "").append("</text>");
        }
    }

    /** The opening {@code <svg>} with its title and the "max" axis note; the caller closes it. */
    static StringBuilder open(String label, String dataAttributes, double max) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" ").append(dataAttributes).append("><title>")
                .append(MarkupText.escape(label)).append("</title>");
        svg.append("<text x=\"2\" y=\"10\" class=\"axis\">max ").append(DecimalText.rounded(max, 1))
                .append("</text>");
        return svg;
    }

    /** The strip below the plot: one cell per run, coloured by its status. */
    static void statusStrip(StringBuilder svg, List<Status> statuses) {
        double cell = statuses.isEmpty() ? 0 : (double) WIDTH / statuses.size();
        for (int i = 0; i < statuses.size(); i++) {
            svg.append("<rect class=\"").append(statuses.get(i)).append("\" x=\"")
                    .append(DecimalText.rounded(i * cell, 1)).append("\" y=\"").append(HEIGHT - STRIP)
                    .append("\" width=\"").append(DecimalText.rounded(Math.max(cell, 1), 1))
                    .append("\" height=\"").append(STRIP).append("\"/>");
        }
    }

    private static List<List<String>> segments(List<Double> values, double step, double top, int plotHeight) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            if (Double.isNaN(value)) {
                flush(segments, current);
                current = new ArrayList<>();
                continue;
            }
            double x = values.size() == 1 ? WIDTH / 2.0 : i * step;
            double y = PLOT_TOP + plotHeight - value / top * plotHeight;
            current.add(DecimalText.rounded(x, 1) + "," + DecimalText.rounded(y, 1));
        }
        flush(segments, current);
        return segments;
    }

    private static void flush(List<List<String>> segments, List<String> segment) {
        if (segment.size() == 1) {
            // A lone point still shows as a short tick.
            String[] xy = segment.get(0).split(",");
            segment.add(DecimalText.rounded(Double.parseDouble(xy[0]) + 2, 1) + "," + xy[1]);
        }
        if (!segment.isEmpty()) {
            segments.add(segment);
        }
    }
}
