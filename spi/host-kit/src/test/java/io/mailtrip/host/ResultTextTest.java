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

    @Test
    void aCleanShortTextIsKeptAsItIsAndEveryOtherTextAsTheCharacterByCharacterRuleSays() {
        String clean = "S: 250 2.0.0 Ok: queued as 4XyZ";
        assertThat(ResultText.clean(clean, 500)).isSameAs(clean);
        // The rule written out plainly, against the fast path, on random texts of safe and unsafe characters,
        // surrogate pairs included, around the limits.
        java.util.Random random = new java.util.Random(17);
        char[] alphabet = {'a', 'Z', ' ', '\r', '\n', '\t', '\u007f', '\u0085', '\u009b', '\u2028', '\u202e',
                '\u2067', '\u00e9', '\ud83d', '\ude00'};
        for (int n = 0; n < 20_000; n++) {
            int max = 4 + random.nextInt(12);
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(max + 6); i > 0; i--) {
                text.append(alphabet[random.nextInt(random.nextBoolean() ? 3 : alphabet.length)]);
            }
            assertThat(ResultText.clean(text.toString(), max)).as("%s / %d", text, max)
                    .isEqualTo(plainRule(text.toString(), max));
        }
    }

    private static String plainRule(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            boolean unsafe = c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029'
                    || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
            out.append(unsafe ? ' ' : c);
        }
        if (out.length() <= max) {
            return out.toString();
        }
        int end = max - 3;
        if (Character.isHighSurrogate(out.charAt(end - 1))) {
            end--;
        }
        return out.substring(0, end) + "...";
    }
}
