package io.mailtrip.jenkins.core;

import java.util.List;

/**
 * One drawn chart: a single channel, or the channels stacked on top of each other in one unit.
 *
 * @param title   what the chart shows ({@code Total}, {@code Stacked channels})
 * @param unit    the unit of every series in it
 * @param stacked true when the series are drawn on top of each other
 * @param series  the series, the primary channel first
 */
public record ChartPanel(String title, String unit, boolean stacked, List<ChartSeries> series) {

    public ChartPanel {
        series = List.copyOf(series);
    }
}
