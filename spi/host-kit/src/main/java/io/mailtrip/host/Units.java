package io.mailtrip.host;

import java.util.Map;
import java.util.OptionalDouble;

/** The one table of the time units channels are measured and shown in, for every host. */
public final class Units {

    private static final Map<String, Double> MILLIS_PER_UNIT = Map.of("ms", 1.0, "s", 1_000.0, "min", 60_000.0,
            "h", 3_600_000.0);

    private Units() {
    }

    /**
     * The factor that turns a value in {@code from} into {@code to} ({@code ms} → {@code s}: 0.001); empty
     * when they do not convert, so a percentage never turns into milliseconds.
     */
    public static OptionalDouble factor(String from, String to) {
        if (from.equals(to)) {
            return OptionalDouble.of(1.0);
        }
        Double fromMillis = MILLIS_PER_UNIT.get(from);
        Double toMillis = MILLIS_PER_UNIT.get(to);
        return fromMillis == null || toMillis == null ? OptionalDouble.empty()
                : OptionalDouble.of(fromMillis / toMillis);
    }

    /** Whether {@code unit} is a time unit of this table. */
    public static boolean isTime(String unit) {
        return MILLIS_PER_UNIT.containsKey(unit);
    }
}
