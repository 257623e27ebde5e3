package io.mailtrip.jenkins.core;

import io.mailtrip.host.RoleSettings;

import io.mailtrip.host.ResultHistory;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The history of one sensor instance as charts, following its display settings: one chart per channel
 * ({@code independent}), or the channels whose unit converts to the stack unit in one stacked chart
 * ({@code stacked}), the others still on their own. The primary channel comes first either way.
 *
 * @param panels the charts in display order; empty before the first result
 */
public record HistoryChart(List<ChartPanel> panels) {

    /** Title of the stacked chart. */
    static final String STACKED_TITLE = "Stacked channels";

    public HistoryChart {
        panels = List.copyOf(panels);
    }

    /**
     * @param newestFirst the kept results, as {@link ResultHistory#results()} gives them
     * @param descriptor  the sensor's descriptor, for its channels
     * @param roles       which channel leads and whether (and in which unit) the channels stack
     */
    public static HistoryChart of(List<SensorResult> newestFirst, SensorDescriptor descriptor, RoleSettings roles) {
        if (newestFirst.isEmpty()) {
            return new HistoryChart(List.of());
        }
        List<SensorResult> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        List<ChannelDescriptor> channels = roles.ordered(descriptor);

        List<ChartPanel> panels = new ArrayList<>();
        List<ChannelDescriptor> alone = new ArrayList<>(channels);
        if (roles.stacked()) {
            String unit = roles.stackUnit().orElseThrow();
            List<ChartSeries> stacked = new ArrayList<>();
            for (ChannelDescriptor channel : channels) {
                OptionalDouble factor = roles.stackFactor(channel);
                if (factor.isPresent()) {
                    stacked.add(series(channel, oldestFirst, factor.getAsDouble()));
                    alone.remove(channel);
                }
            }
            if (!stacked.isEmpty()) {
                panels.add(new ChartPanel(STACKED_TITLE, unit, true, stacked));
            }
        }
        for (ChannelDescriptor channel : alone) {
            panels.add(new ChartPanel(channel.label(), channel.unit(), false,
                    List.of(series(channel, oldestFirst, 1.0))));
        }
        return new HistoryChart(panels);
    }

    private static ChartSeries series(ChannelDescriptor channel, List<SensorResult> oldestFirst, double factor) {
        List<OptionalDouble> values = new ArrayList<>();
        for (SensorResult result : oldestFirst) {
            OptionalDouble value = result.channel(channel.key()).asOptional();
            values.add(value.isPresent() ? OptionalDouble.of(value.getAsDouble() * factor) : OptionalDouble.empty());
        }
        return new ChartSeries(channel.key(), channel.label(), values);
    }
}
