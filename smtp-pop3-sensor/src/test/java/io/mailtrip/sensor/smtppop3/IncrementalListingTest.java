package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.testing.FakeMailbox;
import io.mailtrip.sensor.smtppop3.fake.FakePop3Server;
import io.mailtrip.sensor.smtppop3.fake.FakeSettings;
import io.mailtrip.mailkit.testing.FakeSmtpServer;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Later polls of a known mailbox list only what is new (STAT, UIDL of the last known position, UIDL of
 * each new one), and fall back to the full listing whenever the mailbox changed in any other way.
 */
class IncrementalListingTest {

    private static List<String> pop3Commands(SensorResult result) {
        return result.details().stream().filter(line -> line.startsWith("pop3> ")).map(line -> line.substring(6))
                .toList();
    }

    private static void foreign(FakeMailbox mailbox, int count) {
        for (int i = 0; i < count; i++) {
            mailbox.add("From: a@example.org\r\nSubject: foreign " + System.nanoTime() + "\r\n\r\nbody\r\n");
        }
    }

    @Test
    void knownMailboxIsListedIncrementallyAndFullyWhenItChangedOtherwise() throws Exception {
        try (FakeMailbox mailbox = new FakeMailbox(); FakeSmtpServer smtp = FakeSmtpServer.plain(mailbox);
             FakePop3Server pop3 = FakePop3Server.plain(mailbox);
             Sensor sensor = Sensors.create(FakeSettings.roundTrip(smtp, pop3))) {
            foreign(mailbox, 40);

            SensorResult first = sensor.run(Deadline.in(Duration.ofSeconds(20)));
            assertThat(first.status()).as(first.message()).isEqualTo(Status.UP);
            assertThat(pop3Commands(first)).contains("UIDL").doesNotContain("STAT");
            assertThat(pop3Commands(first).stream().filter(c -> c.startsWith("TOP"))).hasSize(41);

            SensorResult second = sensor.run(Deadline.in(Duration.ofSeconds(20)));
            assertThat(second.status()).as(second.message()).isEqualTo(Status.UP);
            assertThat(pop3Commands(second)).containsExactly("USER probe", "PASS ******", "STAT", "UIDL 40",
                    "UIDL 41", "TOP 41 0", "UIDL 41", "DELE 41", "QUIT"); // UIDL n again before DELE n: issue 13

            foreign(mailbox, 3);
            SensorResult grown = sensor.run(Deadline.in(Duration.ofSeconds(20)));
            assertThat(pop3Commands(grown)).contains("STAT", "UIDL 40", "UIDL 41", "UIDL 42", "UIDL 43", "UIDL 44")
                    .doesNotContain("UIDL");
            assertThat(pop3Commands(grown).stream().filter(c -> c.startsWith("TOP"))).hasSize(4);

            mailbox.removeAt(5); // someone else deleted a message: positions moved
            SensorResult shifted = sensor.run(Deadline.in(Duration.ofSeconds(20)));
            assertThat(shifted.status()).as(shifted.message()).isEqualTo(Status.UP);
            assertThat(pop3Commands(shifted)).contains("STAT", "UIDL 43", "UIDL");
            assertThat(pop3Commands(shifted).stream().filter(c -> c.startsWith("TOP"))).as("all known").hasSize(1);

            foreign(mailbox, MailboxListing.MAX_SINGLE_UIDLS + 1);
            SensorResult many = sensor.run(Deadline.in(Duration.ofSeconds(20)));
            List<String> manyCommands = pop3Commands(many);
            assertThat(manyCommands).contains("STAT", "UIDL");
            // The only "UIDL n" left is the check right before "DELE n" (issue 13), not a listing step.
            List<String> single = manyCommands.stream().filter(c -> c.matches("UIDL \\d+")).toList();
            assertThat(single).hasSize(1);
            assertThat(manyCommands.get(manyCommands.indexOf(single.get(0)) + 1))
                    .isEqualTo("DELE " + single.get(0).substring(5));

            assertThat(mailbox.size()).isEqualTo(40 + 3 - 1 + MailboxListing.MAX_SINGLE_UIDLS + 1);
            assertThat(mailbox.snapshot()).noneMatch(m -> m.text().contains("Round-trip probe sent by mailtrip"));
        }
    }
}
