package io.mailtrip.host;

import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTextTest {

    @Test
    void everyControlAndSeparatorBecomesASpace() {
        String hostile = "a\u0000b\tc\u001bd\u007fe\u0085f\u009bg\u2028h\u2029i\u202ej\u2066k";
        assertThat(ResultText.clean(hostile, 100)).isEqualTo("a b c d e f g h i j k");
        assertThat(ResultText.clean("Grüße, 日本 – ok 😀", 100)).isEqualTo("Grüße, 日本 – ok 😀");
    }

    @Test
    void longTextIsCutWithAnEllipsisAndNeverInsideASurrogatePair() {
        assertThat(ResultText.clean("x".repeat(20), 10)).isEqualTo("xxxxxxx...");
        assertThat(ResultText.clean("x".repeat(10), 10)).isEqualTo("x".repeat(10));
        assertThat(ResultText.clean("xxxxxx😀😀😀", 10)).isEqualTo("xxxxxx...");
    }

    @Test
    void aResultKeepsItsValuesAndLosesWhatIsUnsafeOrTooLong() {
        List<String> details = Collections.nCopies(ResultText.MAX_DETAILS + 5, "S: 220\u0085" + "y".repeat(1000));
        SensorResult raw = new SensorResult(Status.DOWN, "smtp greeting: 220 \u009b31m" + "z".repeat(10_000), "smtp",
                Map.of("total", ChannelValue.of(1.5)), Instant.EPOCH, Duration.ofSeconds(2), details);

        SensorResult cleaned = ResultText.cleaned(raw);

        assertThat(cleaned.status()).isEqualTo(Status.DOWN);
        assertThat(cleaned.channels()).isEqualTo(raw.channels());
        assertThat(cleaned.elapsed()).isEqualTo(raw.elapsed());
        assertThat(cleaned.message()).startsWith("smtp greeting: 220  31mzzz").endsWith("...")
                .hasSize(ResultText.MAX_MESSAGE_CHARS);
        assertThat(cleaned.details()).hasSize(ResultText.MAX_DETAILS);
        assertThat(cleaned.details().get(0)).startsWith("S: 220 yyy").hasSize(ResultText.MAX_DETAIL_CHARS);
        assertThat(cleaned.details().get(ResultText.MAX_DETAILS - 1)).isEqualTo("... 6 more lines not kept");
    }
}
