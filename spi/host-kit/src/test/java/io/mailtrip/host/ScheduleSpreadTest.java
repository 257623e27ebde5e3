package io.mailtrip.host;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** First starts of sequentially named instances spread over the whole window, not a third of it. */
class ScheduleSpreadTest {

    @Test
    void sequentialIdsFillEveryTenthOfTheWindowEvenly() {
        long window = 60_000;
        int[] tenths = new int[10];
        IntStream.range(0, 2_000).mapToObj(i -> String.format("mail-%04d", i))
                .forEach(id -> tenths[(int) (ScheduleSpread.slot(id, window) * 10 / window)]++);

        // Perfectly even would be 200 per tenth; String.hashCode alone left whole tenths empty.
        assertThat(java.util.Arrays.stream(tenths).boxed().toList())
                .allSatisfy(count -> assertThat(count).isBetween(150, 250));
    }

    @Test
    void aSlotIsStableAndInRange() {
        assertThat(ScheduleSpread.slot("mail1", 60)).isEqualTo(ScheduleSpread.slot("mail1", 60)).isBetween(0L, 59L);
        assertThat(ScheduleSpread.slot("mail1", 1)).isZero();
        assertThat(ScheduleSpread.slot("mail1", 0)).isZero();
    }
}
