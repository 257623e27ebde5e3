package io.mailtrip.runner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers for machines and for the console: {@code .} as decimal point and no exponent, whatever the locale. */
final class DecimalText {

    private DecimalText() {
    }

    /** Every digit, no exponent ({@code 0.000123}, {@code 12}); {@code NaN} for a missing value. */
    static String exact(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A millisecond value in seconds, shifted in decimal so {@code 46.94} ms becomes {@code 0.04694}, not 0.046939999. */
    static String millisAsSeconds(double millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** At most {@code decimals} decimals, trailing zeros dropped ({@code 12.3}, {@code 0}). */
    static String rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Exactly three decimals, the form of JUnit XML times. */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
