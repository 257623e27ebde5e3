package io.mailtrip.mailkit;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundTripTimesTest {

    @Test
    void millisReadsLikeTheFormatterItReplaces() {
        long[] edges = {0, 1, 49_999, 50_000, 99_999, 100_000, 149_999, 150_000, 12_345_678, 12_350_000,
                12_349_999, 999_950_000, 59_999_949_999L, -1, -49_999, -50_000, -150_000, -12_350_000};
        for (long nanos : edges) {
            assertEquals(String.format(Locale.ROOT, "%.1f ms", nanos / 1e6), RoundTripTimes.millis(nanos),
                    "nanos " + nanos);
        }
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 100_000; i++) {
            long nanos = random.nextLong(0, 600_000_000_000L);
            assertEquals(String.format(Locale.ROOT, "%.1f ms", nanos / 1e6), RoundTripTimes.millis(nanos),
                    "nanos " + nanos);
        }
    }

    @Test
    void millisExamples() {
        assertEquals("12.3 ms", RoundTripTimes.millis(12_345_678));
        assertEquals("0.0 ms", RoundTripTimes.millis(0));
        assertEquals("1000.0 ms", RoundTripTimes.millis(999_950_000));
    }
}
