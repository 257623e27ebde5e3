package io.mailtrip.sensor.smtppop3;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 consecutive round trips against GreenMail in one JVM: threads, open file descriptors and heap
 * stay flat. Bounds are on the growth between the 100th and the 1,000th run, after warm-up.
 */
class SoakTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail().withPerMethodLifecycle(false);

    private static final int RUNS = 1_000;

    private record Usage(int threads, long fileDescriptors, long heapBytes) {
        static Usage now() {
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            String[] fds = new File("/proc/self/fd").list();
            return new Usage(Thread.activeCount(), fds == null ? -1 : fds.length,
                    runtime.totalMemory() - runtime.freeMemory());
        }
    }

    @Test
    void thousandRoundTripsKeepThreadsFilesAndHeapFlat() {
        Usage warm = null;
        long started = System.nanoTime();
        try (Sensor sensor = Sensors.create(MailServers.plainSettings(GREEN_MAIL))) {
            for (int run = 1; run <= RUNS; run++) {
                SensorResult result = sensor.run(Deadline.in(Duration.ofSeconds(20)));
                assertThat(result.status()).as("run " + run + ": " + result.message()).isEqualTo(Status.UP);
                if (run == 100) {
                    warm = Usage.now();
                }
            }
        }
        Usage end = Usage.now();
        System.out.printf(Locale.ROOT, "soak: %d round trips in %.1f s; after run 100: %s; after run %d: %s%n", RUNS,
                (System.nanoTime() - started) / 1e9, warm, RUNS, end);

        assertThat(end.threads()).as("threads").isLessThanOrEqualTo(warm.threads() + 2);
        if (warm.fileDescriptors() >= 0) {
            assertThat(end.fileDescriptors()).as("open file descriptors").isLessThanOrEqualTo(warm.fileDescriptors() + 5);
        }
        assertThat(end.heapBytes()).as("heap in use").isLessThan(warm.heapBytes() + 32L * 1024 * 1024);
        assertThat(GREEN_MAIL.getReceivedMessages()).as("every probe deleted").isEmpty();
    }
}
