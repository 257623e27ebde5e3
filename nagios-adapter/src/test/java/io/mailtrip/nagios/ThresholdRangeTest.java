package io.mailtrip.nagios;

import io.mailtrip.host.PerfUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdRangeTest {

    private static final PerfUnit SECONDS = PerfUnit.forChannel("ms");

    /** The table of the guidelines, "Threshold and ranges": range, value, alert? */
    @ParameterizedTest(name = "{0} with {1} alerts: {2}")
    @CsvSource({
            "10, -0.001, true", "10, 0, false", "10, 10, false", "10, 10.001, true",
            "10:, 9.999, true", "10:, 10, false", "10:, 1000000, false",
            "~:10, -1000000, false", "~:10, 10, false", "~:10, 10.5, true",
            "10:20, 9.9, true", "10:20, 10, false", "10:20, 20, false", "10:20, 20.1, true",
            "@10:20, 9.9, false", "@10:20, 10, true", "@10:20, 20, true", "@10:20, 20.1, false",
            "@10, 0, true", "@10, 11, false", "0.5:1.5, 0.4, true", "-5:-1, -3, false"})
    void evaluatesEveryFormOfTheGuidelines(String range, double value, boolean alerts) {
        assertThat(ThresholdRange.parse(range, SECONDS).alerts(value)).isEqualTo(alerts);
    }

    @ParameterizedTest(name = "{0} is written as {1}")
    @CsvSource({"10, 10", "10:, 10:", "~:10, ~:10", "10:20, 10:20", "@10:20, @10:20", "1500ms, 1.5",
            "250ms:2s, 0.25:2", "0:, 0:", "@~:0.5, @~:0.5", "007.50, 7.5"})
    void rendersTheCanonicalFormInTheUnitOfThePerfdata(String range, String perfdata) {
        assertThat(ThresholdRange.parse(range, SECONDS).perfdataText()).isEqualTo(perfdata);
    }

    @Test
    void unitSuffixesConvertToSeconds() {
        ThresholdRange range = ThresholdRange.parse("500ms", SECONDS);
        assertThat(range.end()).isEqualTo(0.5);
        assertThat(range.alerts(0.501)).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "|'' is not a range (empty; write e.g. 10, 10:, ~:10, 10:20 or @10:20)",
            "@|'@' is not a range (empty; write e.g. 10, 10:, ~:10, 10:20 or @10:20)",
            "20:10|'20:10' starts above its end (start must be <= end)",
            "1:2:3|'1:2:3' is not a range (more than one ':')",
            ":10|':10' has nothing before ':' (write ~:10 for no lower bound)",
            "1,5|'1,5' is not a range ('1,5' is not a plain decimal number; use . as the decimal point, no exponent)",
            "1e3|'1e3' is not a range ('1e3' is not a plain decimal number; use . as the decimal point, no exponent)",
            "10min|'10min' has unit 'min' (accepted: ms, s)",
            "abc|'abc' is not a range ('abc' is not a plain decimal number; use . as the decimal point, no exponent)",
            "10%|'10%' has unit '%' (accepted: ms, s)",
            "~|'~' is not a range ('~' is not a plain decimal number; use . as the decimal point, no exponent)",
            "10:~|'10:~' is not a range ('~' is not a plain decimal number; use . as the decimal point, no exponent)"})
    void rejectsInvalidFormsWithTheRule(String range, String message) {
        assertThatThrownBy(() -> ThresholdRange.parse(range == null ? "" : range, SECONDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void describesTheBreachForTheSummary() {
        assertThat(ThresholdRange.parse("10", SECONDS).describeBreach(12.5)).isEqualTo("12.5s > 10s");
        assertThat(ThresholdRange.parse("10:", SECONDS).describeBreach(3)).isEqualTo("3s < 10s");
        assertThat(ThresholdRange.parse("@2:5", SECONDS).describeBreach(3)).isEqualTo("3s inside @2:5s");
    }

    @Test
    void percentChannelsTakePercentNumbers() {
        PerfUnit percent = PerfUnit.forChannel("%");
        assertThat(ThresholdRange.parse("10%", percent).end()).isEqualTo(10);
        assertThatThrownBy(() -> ThresholdRange.parse("10ms", percent)).hasMessage("'10ms' has unit 'ms' (accepted: %)");
    }
}
