package io.mailtrip.jenkins.core;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Converts channel values between time units for a stacked chart, whose unit the sensor's STACK_UNIT
 * setting chooses ({@code ms}, {@code s}). Units that are not times convert only to themselves, so a
 * percentage is never stacked on milliseconds.
 */
final class UnitScale {

    private static final Map<String, Double> MILLIS_PER_UNIT = Map.of("ms", 1.0, "s", 1_000.0, "min", 60_000.0,
            "h", 3_600_000.0);

    private UnitScale() {
    }

    /** The factor that turns a value in {@code from} into {@code to}; empty when they do not convert. */
    static OptionalDouble factor(String from, String to) {
        if (from.equals(to)) {
            return OptionalDouble.of(1.0);
        }
        Double fromMillis = MILLIS_PER_UNIT.get(from);
        Double toMillis = MILLIS_PER_UNIT.get(to);
        return fromMillis == null || toMillis == null ? OptionalDouble.empty()
                : OptionalDouble.of(fromMillis / toMillis);
    }
}
