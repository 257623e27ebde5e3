package io.mailtrip.host;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The charts of one instance's recent results, as its display settings ({@link RoleSettings}) say: one
 * chart per channel in its own unit ({@code independent}), or the channels whose unit converts to the stack
 * unit in one stacked chart, converted ({@code stacked}), the others still on their own. The leading channel
 * comes first either way. {@link SvgChart} draws it; every host builds it the same way from its
 * {@link ResultHistory}.
 *
 * @param panels    the charts in display order; empty before the first point
 * @param statuses  each point's status, oldest first: the strip under every chart
 * @param firstTime the first point's start ({@code HH:mm} in the host's zone); empty without points
 * @param lastTime  the last point's start, as {@code firstTime}
 * @param deadline  the run deadline, drawn as the threshold of every chart in a time unit; empty = none
 */
public record ChartSet(List<Panel> panels, List<Status> statuses, String firstTime, String lastTime,
                       Optional<Duration> deadline) {

    /** Title of the stacked chart. */
    public static final String STACKED_TITLE = "Stacked channels";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public ChartSet {
        panels = List.copyOf(panels);
        statuses = List.copyOf(statuses);
    }

    /**
     * One channel's values, oldest first, in the unit of its panel.
     *
     * @param key    the channel key
     * @param label  the channel's human label
     * @param values one per point; {@code NaN} where the channel was not measured
     */
    public record Series(String key, String label, List<Double> values) {

        public Series {
            values = List.copyOf(values);
        }
    }

    /**
     * One drawn chart: a single channel, or the channels stacked on each other in one unit.
     *
     * @param title   what the chart shows (a channel's label, or {@value #STACKED_TITLE})
     * @param unit    the unit of every series in it
     * @param stacked true when the series are drawn on top of each other
     * @param series  the series, the leading channel first
     */
    public record Panel(String title, String unit, boolean stacked, List<Series> series) {

        public Panel {
            series = List.copyOf(series);
        }

        /** The title with its unit ({@code Total (ms)}), as a caption and the chart's accessible name. */
        public String caption() {
            return title + (unit.isEmpty() ? "" : " (" + unit + ")");
        }
    }

    /**
     * @param history    the instance's history, for its chart points
     * @param descriptor the sensor's descriptor, for its channels' labels and units
     * @param roles      which channel leads and whether (and in which unit) the channels stack
     * @param deadline   the deadline of one run; zero when the host does not know it
     * @param zone       the time zone of the first and last point's times
     */
    public static ChartSet of(ResultHistory history, SensorDescriptor descriptor, RoleSettings roles,
                              Duration deadline, ZoneId zone) {
        return of(history.chartPoints(), history.chartChannels(), descriptor, roles, deadline, zone);
    }

    /**
     * From points read before (a consistent snapshot of a {@link ResultHistory}).
     *
     * @param points   oldest first
     * @param channels the channel keys of each point's values
     */
    public static ChartSet of(List<ChartPoints.Point> points, List<String> channels, SensorDescriptor descriptor,
                              RoleSettings roles, Duration deadline, ZoneId zone) {
        List<Status> statuses = points.stream().map(ChartPoints.Point::status).toList();
        List<Panel> panels = new ArrayList<>();
        if (!points.isEmpty()) {
            List<ChannelDescriptor> alone = new ArrayList<>(roles.ordered(descriptor));
            List<Series> stacked = new ArrayList<>();
            for (ChannelDescriptor channel : roles.ordered(descriptor)) {
                OptionalDouble factor = roles.stackFactor(channel);
                if (factor.isPresent()) {
                    stacked.add(series(channel, points, channels, factor.getAsDouble()));
                    alone.remove(channel);
                }
            }
            if (!stacked.isEmpty()) {
                panels.add(new Panel(STACKED_TITLE, roles.stackUnit().orElseThrow(), true, stacked));
            }
            for (ChannelDescriptor channel : alone) {
                panels.add(new Panel(channel.label(), channel.unit(), false,
                        List.of(series(channel, points, channels, 1.0))));
            }
        }
        String first = points.isEmpty() ? "" : TIME.format(points.get(0).start().atZone(zone));
        String last = points.isEmpty() ? "" : TIME.format(points.get(points.size() - 1).start().atZone(zone));
        return new ChartSet(panels, statuses, first, last,
                deadline.isZero() || deadline.isNegative() ? Optional.empty() : Optional.of(deadline));
    }

    /** The deadline in {@code unit}, when there is one and the unit is a time unit. */
    public OptionalDouble threshold(String unit) {
        if (deadline.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble factor = Units.factor("ms", unit);
        return factor.isPresent() ? OptionalDouble.of(deadline.get().toMillis() * factor.getAsDouble())
                : OptionalDouble.empty();
    }

    private static Series series(ChannelDescriptor channel, List<ChartPoints.Point> points, List<String> keys,
                                 double factor) {
        // A channel the points do not hold (the sensor changed since) is not measured in any of them.
        int index = keys.indexOf(channel.key());
        List<Double> values = new ArrayList<>(points.size());
        for (ChartPoints.Point point : points) {
            values.add(index < 0 ? Double.NaN : point.values()[index] * factor);
        }
        return new Series(channel.key(), channel.label(), values);
    }
}
