package io.mailtrip.runner;

import io.mailtrip.host.DecimalText;

import io.mailtrip.host.MarkupText;

import io.mailtrip.spi.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * One stacked area chart of several channels in one unit (the graph-type role set to stacked): each channel's
 * band sits on the bands before it, so the top edge is their sum. A run without a value adds nothing to
 * its band (the status strip below still shows the run). Drawn on the server like {@link SvgChart}.
 */
final class StackedChart {

    /** Band colours ({@code band0} ...) in the page's style sheet; more channels reuse them. */
    static final int COLOURS = 4;

    private StackedChart() {
    }

    /**
     * @param bands    per channel, bottom first, its values already converted to {@code unit}, oldest first
     * @param channels the channel keys of {@code bands}, same order
     * @param statuses each run's status, oldest first (one per value)
     */
    static String render(List<List<Double>> bands, List<String> channels, List<Status> statuses, String unit,
                         String label) {
        return render(bands, channels, statuses, unit, label, SvgChart.Axes.NONE);
    }

    static String render(List<List<Double>> bands, List<String> channels, List<Status> statuses, String unit,
                         String label, SvgChart.Axes axes) {
        int runs = statuses.size();
        List<double[]> edges = stackedEdges(bands, runs);
        double max = edges.isEmpty() ? 0 : max(edges.get(edges.size() - 1));
        double top = max <= 0 ? 1 : max;
        StringBuilder svg = SvgChart.open(label, "data-chart=\"stacked\" data-unit=\"" + MarkupText.escape(unit)
                + "\" data-channels=\"" + MarkupText.escape(String.join(" ", channels)) + "\"", max);
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
            svg.append("<polygon class=\"band band").append(band % COLOURS).append("\" data-channel=\"")
                    .append(MarkupText.escape(channels.get(band))).append("\" points=\"").append(points)
                    .append("\"/>");
            below = above;
        }
        SvgChart.axes(svg, axes, top);
        SvgChart.statusStrip(svg, statuses);
        return svg.append("</svg>").toString();
    }

    /** The upper edge of every band: the running sum of the bands up to it, a missing value counting 0. */
    private static List<double[]> stackedEdges(List<List<Double>> bands, int runs) {
        List<double[]> edges = new ArrayList<>(bands.size());
        double[] sum = new double[runs];
        for (List<Double> band : bands) {
            double[] edge = sum.clone();
            for (int i = 0; i < runs; i++) {
                double value = band.get(i);
                edge[i] += Double.isNaN(value) ? 0 : value;
            }
            edges.add(edge);
            sum = edge;
        }
        return edges;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    /** Where a run's values are drawn. */
    private record Column(double x, int run) {
    }

    /** One column per run; a single run gets a narrow band in the middle rather than a line nobody sees. */
    private static List<Column> columns(int runs) {
        if (runs == 1) {
            return List.of(new Column(SvgChart.WIDTH / 2.0 - 2, 0), new Column(SvgChart.WIDTH / 2.0 + 2, 0));
        }
        double step = runs == 0 ? 0 : (double) SvgChart.WIDTH / (runs - 1);
        List<Column> columns = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            columns.add(new Column(i * step, i));
        }
        return columns;
    }

    private static String point(double x, double value, double top) {
        double y = SvgChart.PLOT_TOP + SvgChart.PLOT_HEIGHT - value / top * SvgChart.PLOT_HEIGHT;
        return DecimalText.rounded(x, 1) + "," + DecimalText.rounded(y, 1);
    }
}
