package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.testing.FakeMailbox;
import io.mailtrip.mailkit.testing.FakeSmtpServer;
import io.mailtrip.mailkit.testing.hostile.HostilePop3;
import io.mailtrip.mailkit.testing.hostile.HostileServer;
import io.mailtrip.sensor.smtppop3.testkit.SettingsFixture;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.mailtrip.mailkit.settings.MailSettings.MAX_TRIP_TIME;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the watchdog disconnects from its own thread when the run deadline passes, wherever the run
 * is (inside a POP3 command, between two commands, in the pause between polls). Commons Net then drops
 * its reader and throws NullPointerException on the next step; every such run must still read "run
 * deadline reached in phase pop3, step ...". A race, so it is run many times with deadlines spread over
 * the poll loop, not once.
 */
class DeadlineRaceTest {

    private static final int RUNS = 50;

    @Test
    void theDeadlineIsReportedWithPhaseAndStepEveryTime() throws Exception {
        try (FakeMailbox mailbox = new FakeMailbox(); FakeSmtpServer smtp = FakeSmtpServer.plain(mailbox);
             HostileServer pop3 = HostileServer.start("slow-pop3", HostilePop3.of(mailbox, HostilePop3.Fault.SLOW,
                     15))) {
            mailbox.delivery(FakeMailbox.Delivery.NEVER);
            Map<String, String> settings = SettingsFixture.probe("sender@race.test", "probe@race.test", "race.test")
                    .smtp("127.0.0.1", smtp.port(), "none").pop3("127.0.0.1", pop3.port(), "none")
                    .pop3Login("probe", "Race-Pw").with(POP3_INTERVAL, 1).with(MAX_TRIP_TIME, 60).map();
            int inSession = 0;
            Map<String, Integer> steps = new java.util.TreeMap<>();
            for (int i = 0; i < RUNS; i++) {
                Duration deadline = Duration.ofMillis(200 + (i * 37L) % 750);
                long start = System.nanoTime();

                SensorResult result = Sensors.runOnce(settings, deadline);

                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(result.status()).as("run %d (%s): %s", i, deadline, result.message())
                        .isEqualTo(Status.UNKNOWN);
                // The first runs load classes and may still be in SMTP when the deadline comes.
                assertThat(result.phase()).as("run %d: %s", i, result.message()).isIn("smtp", "pop3");
                assertThat(result.message()).as("run %d", i)
                        .contains("run deadline reached in phase " + result.phase() + ", step ")
                        .doesNotContain("internal");
                assertThat(took).as("run %d", i).isLessThanOrEqualTo(deadline.plusSeconds(1));
                String step = result.message().substring(result.message().indexOf(", step ") + 7).split(" ")[0];
                steps.merge(result.phase() + " " + step, 1, Integer::sum);
                if (result.phase().equals("pop3") && !result.message().contains("step pause before poll")) {
                    inSession++;
                }
            }
            System.out.println("deadline race: where " + RUNS + " runs were cut: " + steps);
            // The spread of deadlines must really cut sessions, not only the pauses between them.
            assertThat(inSession).as("runs cut inside a POP3 session").isGreaterThan(RUNS / 4);
        }
    }
}
