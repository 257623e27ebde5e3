package io.mailtrip.nagios;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers for machines: a {@code .} decimal point whatever the default locale, no exponent, no
 * trailing zeros, at most six decimals (a microsecond in seconds). Perfdata parsers reject
 * {@code 1,5} and {@code 1E-4} (Monitoring Plugins guidelines, "Performance data").
 */
final class DecimalText {

    private static final int DECIMALS = 6;

    private DecimalText() {
    }

    static String of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
