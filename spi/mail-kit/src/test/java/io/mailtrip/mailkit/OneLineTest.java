package io.mailtrip.mailkit;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OneLineTest {

    @Test
    void controlCharactersOfEveryKindAndUnicodeSeparatorsBecomeSpaces() {
        String hostile = "250 ok\r\n\u0000x\u001b[31m\u007f\u0085NEL\u009b2J\u2028LS\u2029PS\tend";
        String cleaned = OneLine.of(hostile, 200);
        assertThat(cleaned).isEqualTo("250 ok   x [31m  NEL 2J LS PS end");
        assertThat(cleaned.codePoints()).noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028
                || c == 0x2029);
    }

    @Test
    void lengthIsCappedAndAHugeReplyCostsOnlyTheCap() {
        String huge = "x".repeat(10_000_000);
        assertThat(OneLine.of(huge, 100)).hasSize(103).endsWith("...");
        assertThat(OneLine.of(null, 10)).isEmpty();
    }

    @Test
    void aSurrogatePairIsNeverCutInHalf() {
        String emoji = "a".repeat(9) + "\uD83D\uDE00";
        assertThat(OneLine.of(emoji, 10)).isEqualTo("a".repeat(9) + "...");
    }

    @Test
    void theFastPathGivesWhatTheRuleGives() {
        // The rule written out plainly (strip, clean every code point, strip, cap), against OneLine's
        // fast path for texts with nothing to clean, on random texts of safe, unsafe and blank characters.
        Random random = new Random(29);
        char[] alphabet = {'a', 'Z', '7', ' ', '\t', '\r', '\n', '\u0000', '\u0085', '\u2028', '\u00e9', '\u3000',
                '\uD83D', '\uDE00'};
        for (int round = 0; round < 20_000; round++) {
            int max = 4 + random.nextInt(12);
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(max + 6); i > 0; i--) {
                text.append(alphabet[random.nextInt(random.nextBoolean() ? 3 : alphabet.length)]);
            }
            assertThat(OneLine.of(text.toString(), max)).as("%s, max %d", text, max)
                    .isEqualTo(byTheRule(text.toString(), max));
        }
    }

    private static String byTheRule(String text, int max) {
        StringBuilder out = new StringBuilder();
        text.strip().codePoints().forEach(c -> out.appendCodePoint(
                c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        String line = out.toString().strip();
        if (line.length() <= max) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max;
        return line.substring(0, end) + "...";
    }
}
