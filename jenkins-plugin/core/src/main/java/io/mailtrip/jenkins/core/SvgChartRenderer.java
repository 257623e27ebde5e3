package io.mailtrip.jenkins.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Draws a {@link HistoryChart} as inline SVG, on the server and without scripts, so the status page
 * needs no JavaScript library. Results are spaced evenly, oldest left; the value axis starts at 0 and
 * ends at the panel's largest value (of the stack's top, when stacked). Labels are escaped like all
 * metadata text; coordinates use {@link Locale#ROOT}.
 */
public final class SvgChartRenderer {

    static final int WIDTH = 480;
    static final int HEIGHT = 150;
    private static final int LEFT = 8;
    private static final int RIGHT = WIDTH - 8;
    private static final int TOP = 22;
    private static final int BOTTOM = HEIGHT - 24;
    private static final List<String> COLOURS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b");

    /** One {@code svg} element per panel; empty text when the chart has no panel. */
    public String render(HistoryChart chart) {
        StringBuilder out = new StringBuilder();
        chart.panels().forEach(panel -> panel(out, panel));
        return out.toString();
    }

    private void panel(StringBuilder out, ChartPanel panel) {
        String title = XmlText.escape(panel.title() + (panel.unit().isEmpty() ? "" : " (" + panel.unit() + ")"));
        double top = Math.max(largest(panel), Double.MIN_NORMAL);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mailtrip-chart\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(title).append("\">");
        out.append("<title>").append(title).append("</title>");
        out.append("<text x=\"").append(LEFT).append("\" y=\"14\" font-size=\"12\">").append(title).append(", max ")
                .append(StatusViewModel.number(largest(panel))).append("</text>");
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(BOTTOM).append("\" x2=\"").append(RIGHT)
                .append("\" y2=\"").append(BOTTOM).append("\" stroke=\"#888\"/>");
        double[] base = new double[length(panel)];
        for (int s = 0; s < panel.series().size(); s++) {
            ChartSeries series = panel.series().get(s);
            String colour = COLOURS.get(s % COLOURS.size());
            if (panel.stacked()) {
                area(out, series, base, top, colour);
            } else {
                lines(out, series, top, colour);
            }
            out.append("<text x=\"").append(LEFT + s * 110).append("\" y=\"").append(HEIGHT - 6)
                    .append("\" font-size=\"11\" fill=\"").append(colour).append("\">")
                    .append(XmlText.escape(series.label())).append("</text>");
        }
        out.append("</svg>\n");
    }

    /** The band between the stack so far and the stack with this series on top; unmeasured adds nothing. */
    private static void area(StringBuilder out, ChartSeries series, double[] base, double top, String colour) {
        int n = series.values().size();
        List<String> upper = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double below = base[i];
            base[i] += series.values().get(i).orElse(0);
            upper.add(point(i, n, base[i], top));
            lower.add(0, point(i, n, below, top));
        }
        upper.addAll(lower);
        out.append("<polygon fill=\"").append(colour).append("\" fill-opacity=\"0.6\" stroke=\"").append(colour)
                .append("\" points=\"").append(String.join(" ", upper)).append("\"/>");
    }

    /** One polyline per run of measured values, so a gap shows where the channel was not measured. */
    private static void lines(StringBuilder out, ChartSeries series, double top, String colour) {
        int n = series.values().size();
        List<String> run = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            OptionalDouble value = i < n ? series.values().get(i) : OptionalDouble.empty();
            if (value.isPresent()) {
                run.add(point(i, n, value.getAsDouble(), top));
                continue;
            }
            if (run.size() == 1) {
                String[] xy = run.get(0).split(",");
                out.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"2\" fill=\"")
                        .append(colour).append("\"/>");
            } else if (run.size() > 1) {
                out.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                        .append(String.join(" ", run)).append("\"/>");
            }
            run.clear();
        }
    }

    private static String point(int index, int count, double value, double top) {
        double x = count == 1 ? (LEFT + RIGHT) / 2.0 : LEFT + (RIGHT - LEFT) * index / (double) (count - 1);
        double y = BOTTOM - (BOTTOM - TOP) * Math.max(0, value) / top;
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }

    /** The panel's largest value: of a single series, or of the stack's top. */
    private static double largest(ChartPanel panel) {
        double[] sums = new double[length(panel)];
        double largest = 0;
        for (ChartSeries series : panel.series()) {
            for (int i = 0; i < series.values().size(); i++) {
                double value = series.values().get(i).orElse(0);
                sums[i] = panel.stacked() ? sums[i] + value : value;
                largest = Math.max(largest, sums[i]);
            }
        }
        return largest;
    }

    private static int length(ChartPanel panel) {
        return panel.series().stream().mapToInt(s -> s.values().size()).max().orElse(0);
    }
}
