package io.mailtrip.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Median and spread of a set of measurements (nearest-rank percentiles, no interpolation, so every
 * figure printed is one that was really measured).
 *
 * @param count  number of measurements
 * @param min    smallest
 * @param p10    10th percentile
 * @param median 50th percentile
 * @param p90    90th percentile
 * @param p99    99th percentile
 * @param max    largest
 */
public record Spread(int count, double min, double p10, double median, double p90, double p99, double max) {

    /** The spread of {@code values}; all zero when there are none. */
    public static Spread of(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Spread(0, 0, 0, 0, 0, 0, 0);
        }
        return new Spread(sorted.length, sorted[0], rank(sorted, 10), rank(sorted, 50), rank(sorted, 90),
                rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The spread of {@code values}. */
    public static Spread of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    private static double rank(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** "median 12.3 (min 10.0 – max 15.1, p10 10.2 – p90 14.8, n 20)" with {@code format} per number. */
    public String describe(String format) {
        return String.format(Locale.ROOT, "median " + format + " (min " + format + " – max " + format + ", p10 "
                + format + " – p90 " + format + ", p99 " + format + ", n %d)", median, min, max, p10, p90, p99, count);
    }
}
