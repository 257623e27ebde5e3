package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.testing.FakeMailbox;
import io.mailtrip.mailkit.testing.FakeSmtpServer;
import io.mailtrip.mailkit.testing.ServerIdentity;
import io.mailtrip.mailkit.testing.TestTls;
import io.mailtrip.sensor.smtppop3.fake.FakePop3Server;
import io.mailtrip.sensor.smtppop3.fake.FakeSettings;
import io.mailtrip.sensor.smtppop3.testkit.HostileCases;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

import static io.mailtrip.mailkit.settings.MailSettings.SMTP_SECURITY;
import static io.mailtrip.mailkit.settings.MailSettings.TRUST_STORE;
import static io.mailtrip.mailkit.settings.MailSettings.TRUST_STORE_PASSWORD;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_SECURITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: every hostile server of the kit ends in its phase and step, naming the limit it crossed,
 * within the deadline and in bounded memory, with no control character of the server in the output.
 */
class HostileServerTest {

    /** Bytes the run's thread may allocate (garbage included) against any hostile server. */
    static final long ALLOCATION_BOUND = 96L << 20;

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    static void assertClean(SensorResult result) {
        String all = result.message() + "\n" + String.join("\n", result.details());
        assertThat(all.codePoints().filter(c -> c != '\n'))
                .as("controls in the output").noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)
                        || c == 0x2028 || c == 0x2029);
    }

    @ParameterizedTest
    @EnumSource(HostileCases.class)
    void eachHostileServerIsReportedInItsPhaseAndStepWithinTimeAndMemory(HostileCases hostile) throws Exception {
        try (HostileCases.Running running = hostile.start()) {
            long allocatedBefore = allocatedBytes();
            long start = System.nanoTime();

            SensorResult result = Sensors.runOnce(running.settings(), hostile.deadline());

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long allocated = allocatedBytes() - allocatedBefore;
            System.out.printf(Locale.ROOT, "%-32s %-7s %6d ms %7.1f MiB allocated, server sent %8.1f MiB: %s%n",
                    hostile, result.status(), took.toMillis(), allocated / 1048576.0,
                    running.hostile().bytesSent() / 1048576.0, result.message());
            assertThat(result.status()).as(result.message()).isEqualTo(hostile.status());
            assertThat(result.phase()).isEqualTo(hostile.phase());
            assertThat(result.message()).contains(" " + hostile.step() + ": " + hostile.reason());
            assertThat(took).isLessThanOrEqualTo(hostile.deadline().plusSeconds(1));
            assertThat(allocated).as("bytes allocated by the run").isLessThan(ALLOCATION_BOUND);
            assertClean(result);
            if (running.pop3() != null) {
                assertThat(running.pop3().deleted()).as("messages deleted").isEmpty();
            }
        }
    }

    /** Under implicit TLS the limits see the decrypted reply (the TLS socket's stream is metered). */
    @Test
    void limitsHoldUnderImplicitTls() throws Exception {
        try (FakeMailbox mailbox = new FakeMailbox();
             FakeSmtpServer smtp = FakeSmtpServer.implicitTls(ServerIdentity.GOOD, mailbox)
                     .reply("EHLO", "250-hostile.test\n" + "250-X-PADDING\n".repeat(2_000) + "250 OK");
             FakePop3Server pop3 = FakePop3Server.plain(mailbox)) {
            SensorResult result = Sensors.runOnce(FakeSettings.fixture(smtp, pop3).with(SMTP_SECURITY, "enforceTls")
                    .with(TRUST_STORE, TestTls.trustStore()).with(TRUST_STORE_PASSWORD, TestTls.TRUST_STORE_PASSWORD)
                    .map(), Duration.ofSeconds(20));

            assertThat(result.status()).as(result.message()).isEqualTo(Status.DOWN);
            assertThat(result.message()).contains(" EHLO: reply exceeds 1000 lines");
        }
    }

    /** After STLS the limits see the decrypted listing (the layered TLS socket's stream is metered). */
    @Test
    void limitsHoldAfterStls() throws Exception {
        StringBuilder listing = new StringBuilder("+OK\n");
        for (int i = 1; i <= 100_010; i++) {
            listing.append(i).append(" uid-").append(i).append('\n');
        }
        try (FakeMailbox mailbox = new FakeMailbox(); FakeSmtpServer smtp = FakeSmtpServer.plain(mailbox);
             FakePop3Server pop3 = FakePop3Server.plain(mailbox).offerStls().reply("UIDL", listing + ".")) {
            SensorResult result = Sensors.runOnce(FakeSettings.fixture(smtp, pop3)
                    .with(POP3_SECURITY, "enforceStartTls").with(TRUST_STORE, TestTls.trustStore())
                    .with(TRUST_STORE_PASSWORD, TestTls.TRUST_STORE_PASSWORD).map(), Duration.ofSeconds(20));

            assertThat(result.status()).as(result.message()).isEqualTo(Status.DOWN);
            assertThat(result.message()).contains(" UIDL: listing exceeds 100000 entries");
            assertThat(result.details()).anyMatch(line -> line.contains("TLS established"));
        }
    }
}
