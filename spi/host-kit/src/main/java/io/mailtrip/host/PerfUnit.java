package io.mailtrip.host;

import java.util.Map;

/**
 * The perfdata unit of a channel and how values and threshold numbers convert into it. Times are
 * reported in seconds ({@code s}, the guidelines' base unit), whatever unit the sensor measures in.
 *
 * @param symbol      the UOM written after the value ({@code s}, {@code %})
 * @param fromChannel factor from the channel's own unit to {@code symbol} (ms → s: 0.001)
 * @param suffixes    unit suffixes a threshold number may carry, with their factor to {@code symbol}
 * @param max         the largest possible value ({@code 100} for a percentage), or {@code null}
 */
public record PerfUnit(String symbol, double fromChannel, Map<String, Double> suffixes, Double max) {

    /** A threshold number may carry {@code ms}; seconds are the guidelines' base unit. */
    private static final Map<String, Double> TIME_SUFFIXES = Map.of("s", 1.0,
            "ms", Units.factor("ms", "s").getAsDouble());

    public PerfUnit {
        suffixes = Map.copyOf(suffixes);
    }

    /** The perfdata unit for a channel measured in {@code channelUnit}. */
    public static PerfUnit forChannel(String channelUnit) {
        if (Units.isTime(channelUnit)) {
            return new PerfUnit("s", Units.factor(channelUnit, "s").getAsDouble(), TIME_SUFFIXES, null);
        }
        return switch (channelUnit) {
            case "%" -> new PerfUnit("%", 1.0, Map.of("%", 1.0), 100.0);
            // Days have no UOM in the guidelines: a plain number (Icinga 2 would read "d" as days in seconds).
            case "d" -> new PerfUnit("", 1.0, Map.of("d", 1.0), null);
            default -> new PerfUnit(channelUnit, 1.0, channelUnit.isEmpty() ? Map.of() : Map.of(channelUnit, 1.0), null);
        };
    }

    /** A channel value in this unit. */
    public double convert(double channelValue) {
        return channelValue * fromChannel;
    }

    /** What the help says about threshold numbers of this unit. */
    public String describeNumbers() {
        return switch (symbol) {
            case "s" -> "seconds (or append ms)";
            case "%" -> "percent";
            case "" -> suffixes.containsKey("d") ? "days" : "plain numbers";
            default -> symbol;
        };
    }
}
