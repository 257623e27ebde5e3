package io.mailtrip.runner;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** First starts of sequentially named instances spread over the whole window, not a third of it. */
class SchedulerSpreadTest {

    @Test
    void sequentialIdsFillEveryTenthOfTheWindowEvenly() {
        long window = 60_000;
        int[] tenths = new int[10];
        IntStream.range(0, 2_000).mapToObj(i -> String.format("mail-%04d", i))
                .forEach(id -> tenths[(int) (Math.floorMod(Scheduler.spread(id), window) * 10 / window)]++);

        // Perfectly even would be 200 per tenth; String.hashCode alone left whole tenths empty.
        assertThat(java.util.Arrays.stream(tenths).boxed().toList())
                .allSatisfy(count -> assertThat(count).isBetween(150, 250));
    }
}
