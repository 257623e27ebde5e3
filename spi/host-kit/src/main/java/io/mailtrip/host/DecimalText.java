package io.mailtrip.host;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one number text of every host: {@code .} as decimal point and no exponent, whatever the default
 * locale. Perfdata, Prometheus and JUnit parsers reject {@code 1,5} and {@code 1E-4}.
 */
public final class DecimalText {

    private DecimalText() {
    }

    /** Every digit, no exponent ({@code 0.000123}, {@code 12}); {@code NaN} for a missing value. */
    public static String exact(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A millisecond value in seconds, shifted in decimal so {@code 46.94} ms becomes {@code 0.04694}, not 0.046939999. */
    public static String millisAsSeconds(double millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /**
     * At most {@code decimals} decimals, trailing zeros dropped ({@code 12.3}, {@code 0}).
     *
     * @throws NumberFormatException for NaN or an infinity
     */
    public static String rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * A number for a machine: at most six decimals (a microsecond in seconds), trailing zeros dropped, as
     * perfdata wants it.
     *
     * @throws NumberFormatException for NaN or an infinity
     */
    public static String machine(double value) {
        return rounded(value, 6);
    }

    /** Exactly three decimals, the form of JUnit XML times. */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
