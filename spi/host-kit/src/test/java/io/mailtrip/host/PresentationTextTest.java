package io.mailtrip.host;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Number text, units and markup escaping, the same for every host whatever the default locale. */
class PresentationTextTest {

    @Test
    void numbersHaveADotAndNoExponentInAnyLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(DecimalText.exact(0.000123)).isEqualTo("0.000123");
            assertThat(DecimalText.exact(Double.NaN)).isEqualTo("NaN");
            assertThat(DecimalText.millisAsSeconds(46.94)).isEqualTo("0.04694");
            assertThat(DecimalText.rounded(12.345, 1)).isEqualTo("12.3");
            assertThat(DecimalText.machine(1e-7)).isEqualTo("0");
            assertThat(DecimalText.machine(1e12)).isEqualTo("1000000000000");
            assertThat(DecimalText.seconds(1.5)).isEqualTo("1.500");
            assertThatThrownBy(() -> DecimalText.machine(Double.NaN)).isInstanceOf(NumberFormatException.class);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void markupIsEscapedAndControlCharactersDroppedOrRefused() {
        assertThat(MarkupText.escape("a<b & \"c\" 'd'>\u0001\n")).isEqualTo("a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\n");
        assertThat(MarkupText.escapeStrict("${env:X} <y>")).isEqualTo("${env:X} &lt;y&gt;");
        assertThatThrownBy(() -> MarkupText.escapeStrict("line\nbreak"))
                .hasMessage("text contains control character U+000A: line\nbreak");
    }

    @Test
    void timeUnitsConvertAndOtherKindsNever() {
        assertThat(Units.factor("ms", "s")).isEqualTo(java.util.OptionalDouble.of(0.001));
        assertThat(Units.factor("s", "ms")).isEqualTo(java.util.OptionalDouble.of(1000));
        assertThat(Units.factor("min", "s")).isEqualTo(java.util.OptionalDouble.of(60));
        assertThat(Units.factor("%", "%")).isEqualTo(java.util.OptionalDouble.of(1));
        assertThat(Units.factor("%", "ms")).isEmpty();
        assertThat(Units.factor("ms", "bytes")).isEmpty();
    }
}
