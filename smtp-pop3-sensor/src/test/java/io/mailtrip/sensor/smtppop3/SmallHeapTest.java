package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.PeerLimits;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.sensor.smtppop3.testkit.HostileCases;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in its own JVM with {@code -Xmx64m} (the {@code small-heap} surefire execution): every hostile
 * server ends as its case says within that heap, and when the limits are switched off the
 * OutOfMemoryError they prevent still ends the run as UNKNOWN naming the phase (issue 13: every run
 * gives a result).
 */
class SmallHeapTest {

    @Test
    void theHeapIsSmall() {
        assertThat(Runtime.getRuntime().maxMemory()).as("run by the small-heap execution").isLessThan(80L << 20);
    }

    @ParameterizedTest
    @EnumSource(HostileCases.class)
    void eachHostileCaseEndsAsExpectedInASmallHeap(HostileCases hostile) throws Exception {
        try (HostileCases.Running running = hostile.start()) {
            SensorResult result = Sensors.runOnce(running.settings(), hostile.deadline());

            assertThat(result.status()).as(result.message()).isEqualTo(hostile.status());
            assertThat(result.message()).contains(" " + hostile.step() + ": " + hostile.reason());
        }
    }

    @Test
    void withoutLimitsTheOutOfMemoryErrorIsStillAResultNamingThePhase() throws Exception {
        PeerLimits none = new PeerLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
                Integer.MAX_VALUE, Integer.MAX_VALUE - 2, Integer.MAX_VALUE, Long.MAX_VALUE);
        try (HostileCases.Running running = HostileCases.POP3_ENDLESS_UIDL.start()) {
            Settings settings = Settings.parse(RoundTripCatalogue.descriptor(), running.settings());
            RoundTripSensor sensor = new RoundTripSensor(RoundTripConfig.from(settings), TlsTrust.from(settings),
                    Optional.empty(), none);

            SensorResult result = sensor.run(Deadline.in(Duration.ofSeconds(30)));

            System.out.println("without limits: " + result.status() + " " + result.message());
            assertThat(result.status()).as(result.message()).isEqualTo(Status.UNKNOWN);
            assertThat(result.phase()).isEqualTo("pop3");
            assertThat(result.message()).startsWith("internal error in phase pop3: java.lang.OutOfMemoryError");
            assertThat(result.channels()).containsKeys("smtp", "pop3", "total", "downtime");
        }
    }
}
