package io.mailtrip.mailkit;

import org.junit.jupiter.api.Test;

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
}
