package io.mailtrip.host;

import io.mailtrip.spi.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.StringJoiner;

/**
 * The one chart renderer of every host: a {@link ChartSet} as inline SVG, drawn on the server so a status
 * page needs no script library. Each panel is a {@code <figure>} holding one {@code <svg>} and its caption:
 * the value axis from 0 to the panel's largest value (of the stack's top, when stacked) with a "max" note,
 * the times of the first and last point, the run deadline as a dashed threshold line when the panel's unit
 * is a time unit (named "above" when it lies over the plot), the values (a line per channel, broken where a
 * run measured nothing; or bands lying on each other, a missing value adding nothing), a legend under a
 * stacked panel, and a strip of each run's status. Colours are SVG presentation attributes, so a page
 * without a style sheet (Jenkins) shows them and one with classes ({@code line}, {@code band0},
 * {@code frame}, {@code threshold}, a status name) may restyle them. Every text is escaped
 * ({@link MarkupText}), every number written with {@link DecimalText}.
 */
public final class SvgChart {

    static final int WIDTH = 320;
    static final int HEIGHT = 90;
    private static final int STRIP = 6;
    /** Room above the plot for the notes. */
    static final int PLOT_TOP = 14;
    static final int PLOT_HEIGHT = HEIGHT - STRIP - PLOT_TOP;
    /** Room under a stacked chart for its legend. */
    private static final int LEGEND = 12;
    /** Series colours ({@code band0} ...); more series reuse them. */
    static final List<String> COLOURS = List.of("#36c", "#9c3", "#c6c", "#f93");
    private static final String NOTE = " font-size=\"9\" fill=\"#666\"";

    private SvgChart() {
    }

    /** Every panel of the set, one {@code <figure>} each; empty text when there is none. */
    public static String figures(ChartSet charts) {
        StringBuilder html = new StringBuilder();
        for (ChartSet.Panel panel : charts.panels()) {
            html.append("<figure class=\"mailtrip-chart\">").append(svg(charts, panel)).append("<figcaption>")
                    .append(MarkupText.escape(panel.caption())).append("</figcaption></figure>");
        }
        return html.toString();
    }

    /** One panel's {@code <svg>}. */
    static String svg(ChartSet charts, ChartSet.Panel panel) {
        List<double[]> lines = panel.stacked() ? stackedEdges(panel, charts.statuses().size()) : values(panel);
        double max = 0;
        for (double[] line : lines) {
            for (double value : line) {
                max = Double.isNaN(value) ? max : Math.max(max, value);
            }
        }
        double top = max <= 0 ? 1 : max;
        int height = HEIGHT + (panel.stacked() ? LEGEND : 0);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" aria-label=\"").append(MarkupText.escape(panel.caption())).append("\" role=\"img\" ")
                .append(dataAttributes(panel)).append("><title>").append(MarkupText.escape(panel.caption()))
                .append("</title><text x=\"2\" y=\"10\" class=\"axis\"").append(NOTE).append(">max ")
                .append(DecimalText.rounded(max, 1)).append("</text>");
        if (panel.stacked()) {
            bands(svg, lines, panel.series(), top, charts.statuses().size());
        } else {
            for (int s = 0; s < lines.size(); s++) {
                for (String segment : segments(lines.get(s), top)) {
                    svg.append("<polyline class=\"line\" fill=\"none\" stroke=\"").append(colour(s))
                            .append("\" stroke-width=\"1.5\" points=\"").append(segment).append("\"/>");
                }
            }
        }
        axes(svg, charts, charts.threshold(panel.unit()), top);
        statusStrip(svg, charts.statuses());
        if (panel.stacked()) {
            legend(svg, panel.series());
        }
        return svg.append("</svg>").toString();
    }

    /** What scripts and tests find a chart by: its kind and its channels. */
    private static String dataAttributes(ChartSet.Panel panel) {
        String keys = MarkupText.escape(String.join(" ", panel.series().stream().map(ChartSet.Series::key).toList()));
        return panel.stacked()
                ? "data-chart=\"stacked\" data-unit=\"" + MarkupText.escape(panel.unit()) + "\" data-channels=\"" + keys + "\""
                : "data-chart=\"channel\" data-channel=\"" + keys + "\"";
    }

    private static String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }

    private static List<double[]> values(ChartSet.Panel panel) {
        List<double[]> lines = new ArrayList<>();
        for (ChartSet.Series series : panel.series()) {
            lines.add(series.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        return lines;
    }

    /** The upper edge of every band: the running sum of the bands up to it, a missing value counting 0. */
    private static List<double[]> stackedEdges(ChartSet.Panel panel, int runs) {
        List<double[]> edges = new ArrayList<>(panel.series().size());
        double[] sum = new double[runs];
        for (ChartSet.Series series : panel.series()) {
            double[] edge = sum.clone();
            for (int i = 0; i < runs; i++) {
                double value = series.values().get(i);
                edge[i] += Double.isNaN(value) ? 0 : value;
            }
            edges.add(edge);
            sum = edge;
        }
        return edges;
    }

    /** Each band as a polygon between its upper edge and the one below it. */
    private static void bands(StringBuilder svg, List<double[]> edges, List<ChartSet.Series> series, double top,
                              int runs) {
        List<Column> columns = columns(runs);
        double[] below = new double[runs];
        for (int band = 0; band < edges.size(); band++) {
            double[] above = edges.get(band);
            StringJoiner points = new StringJoiner(" ");
            for (Column column : columns) {
                points.add(point(column.x(), above[column.run()], top));
            }
            for (int i = columns.size() - 1; i >= 0; i--) {
                points.add(point(columns.get(i).x(), below[columns.get(i).run()], top));
            }
            svg.append("<polygon class=\"band band").append(band % COLOURS.size()).append("\" fill=\"")
                    .append(colour(band)).append("\" data-channel=\"").append(MarkupText.escape(series.get(band).key()))
                    .append("\" points=\"").append(points).append("\"/>");
            below = above;
        }
    }

    /** Where a run's values are drawn. */
    private record Column(double x, int run) {
    }

    /** One column per run; a single run gets a narrow band in the middle rather than a line nobody sees. */
    private static List<Column> columns(int runs) {
        if (runs == 1) {
            return List.of(new Column(WIDTH / 2.0 - 2, 0), new Column(WIDTH / 2.0 + 2, 0));
        }
        double step = runs == 0 ? 0 : (double) WIDTH / (runs - 1);
        List<Column> columns = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            columns.add(new Column(i * step, i));
        }
        return columns;
    }

    /** The runs of measured values as polyline points; a lone value still shows as a short tick. */
    private static List<String> segments(double[] values, double top) {
        List<String> segments = new ArrayList<>();
        double step = values.length <= 1 ? 0 : (double) WIDTH / (values.length - 1);
        StringJoiner current = new StringJoiner(" ");
        double lastX = 0;
        double lastValue = 0;
        int length = 0;
        for (int i = 0; i <= values.length; i++) {
            if (i < values.length && !Double.isNaN(values[i])) {
                lastX = values.length == 1 ? WIDTH / 2.0 : i * step;
                lastValue = values[i];
                current.add(point(lastX, lastValue, top));
                length++;
                continue;
            }
            if (length == 1) {
                current.add(point(lastX + 2, lastValue, top));
            }
            if (length > 0) {
                segments.add(current.toString());
            }
            current = new StringJoiner(" ");
            length = 0;
        }
        return segments;
    }

    private static String point(double x, double value, double top) {
        double y = PLOT_TOP + PLOT_HEIGHT - value / top * PLOT_HEIGHT;
        return DecimalText.rounded(x, 1) + "," + DecimalText.rounded(y, 1);
    }

    /** The y axis (0 at the base line), the first and last time above the plot, and the threshold. */
    private static void axes(StringBuilder svg, ChartSet charts, OptionalDouble threshold, double top) {
        int base = PLOT_TOP + PLOT_HEIGHT;
        svg.append("<line class=\"frame\" stroke=\"#999\" x1=\"0\" y1=\"").append(PLOT_TOP).append("\" x2=\"0\" y2=\"")
                .append(base).append("\"/><line class=\"frame\" stroke=\"#999\" x1=\"0\" y1=\"").append(base)
                .append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(base).append("\"/>")
                .append("<text x=\"2\" y=\"").append(base - 2).append("\" class=\"axis\"").append(NOTE).append(">0</text>");
        if (!charts.firstTime().isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 3).append("\" y=\"10\" class=\"axis time\"").append(NOTE).append('>')
                    .append(MarkupText.escape(charts.firstTime())).append(" &#8594; ")
                    .append(MarkupText.escape(charts.lastTime())).append("</text>");
        }
        if (threshold.isPresent()) {
            double value = threshold.getAsDouble();
            if (value <= top) {
                String y = DecimalText.rounded(PLOT_TOP + PLOT_HEIGHT - value / top * PLOT_HEIGHT, 1);
                svg.append("<line class=\"threshold\" stroke=\"#d33\" stroke-dasharray=\"4 3\" data-threshold=\"")
                        .append(DecimalText.machine(value)).append("\" x1=\"0\" y1=\"").append(y).append("\" x2=\"")
                        .append(WIDTH).append("\" y2=\"").append(y).append("\"/>");
            }
            svg.append("<text x=\"").append(WIDTH - 2).append("\" y=\"10\" class=\"axis threshold-note\"").append(NOTE)
                    .append(" text-anchor=\"end\">deadline ").append(DecimalText.rounded(value, 1))
                    .append(value > top ? " (above)" : "").append("</text>");
        }
    }

    /** The strip below the plot: one cell per run, coloured by its status. */
    private static void statusStrip(StringBuilder svg, List<Status> statuses) {
        double cell = statuses.isEmpty() ? 0 : (double) WIDTH / statuses.size();
        for (int i = 0; i < statuses.size(); i++) {
            svg.append("<rect class=\"").append(statuses.get(i)).append("\" fill=\"").append(fill(statuses.get(i)))
                    .append("\" x=\"").append(DecimalText.rounded(i * cell, 1)).append("\" y=\"").append(HEIGHT - STRIP)
                    .append("\" width=\"").append(DecimalText.rounded(Math.max(cell, 1), 1))
                    .append("\" height=\"").append(STRIP).append("\"/>");
        }
    }

    private static String fill(Status status) {
        return switch (status) {
            case UP -> "#2a7";
            case WARNING -> "#e90";
            case UNKNOWN -> "#888";
            case DOWN -> "#d33";
        };
    }

    /** Under a stacked chart: each band's label in its colour, bottom band first. */
    private static void legend(StringBuilder svg, List<ChartSet.Series> series) {
        int x = 2;
        for (int i = 0; i < series.size(); i++) {
            String label = series.get(i).label();
            svg.append("<text x=\"").append(x).append("\" y=\"").append(HEIGHT + LEGEND - 2)
                    .append("\" class=\"legend\" font-size=\"9\" fill=\"").append(colour(i)).append("\">&#9632; ")
                    .append(MarkupText.escape(label)).append("</text>");
            // About 5 px a character at 9 px: enough room that two labels do not overlap.
            x += 5 * (label.length() + 2) + 8;
        }
    }
}
