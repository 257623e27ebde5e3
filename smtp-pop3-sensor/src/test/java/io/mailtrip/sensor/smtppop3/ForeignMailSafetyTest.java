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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mailbox full of other mail, including look-alikes of every kind, keeps all of it through 100
 * round trips: only the probes are deleted.
 */
class ForeignMailSafetyTest {

    private static final Pattern GUID = Pattern.compile("guid=([0-9A-F-]{36})");

    private static String mail(String subject, String extraHeaders, String body) {
        return "From: someone@example.org\r\nTo: probe@fake.test\r\nSubject: " + subject + "\r\n" + extraHeaders
                + "Message-ID: <" + Math.abs(subject.hashCode()) + "." + System.nanoTime() + "@example.org>\r\n\r\n"
                + body + "\r\n";
    }

    @Test
    void fiftyForeignMailsAndTwoLookAlikesPerRunSurviveAHundredRoundTrips() throws Exception {
        try (FakeMailbox mailbox = new FakeMailbox(); FakeSmtpServer smtp = FakeSmtpServer.plain(mailbox);
             FakePop3Server pop3 = FakePop3Server.plain(mailbox)) {
            List<String> foreign = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                foreign.add(mail("Invoice " + i, "", "ordinary mail " + i));
            }
            for (int i = 0; i < 15; i++) {
                foreign.add(mail("Roundtrip Mail: {00000000-0000-0000-0000-0000000000" + (10 + i) + "}", "",
                        "looks like a probe but has no probe header"));
            }
            for (int i = 0; i < 15; i++) {
                String guid = "11111111-2222-3333-4444-5555555555" + (10 + i);
                foreign.add(mail("Roundtrip Mail: {" + guid + "}", "X-Mailtrip-Probe: smtp-pop3-roundtrip; "
                        + "sensor=ffffffffffffffff; guid=" + guid + "; sent=0\r\n", "another sensor's probe, long ago"));
            }
            foreign.forEach(mailbox::add);
            // Each run, two mails quote the current probe's GUID: one in the body only, one in the subject only.
            List<String> lookAlikes = new ArrayList<>();
            mailbox.onDelivery(probe -> {
                Matcher guid = GUID.matcher(probe);
                assertThat(guid.find()).isTrue();
                String body = mail("Delivery report", "", "your message guid=" + guid.group(1) + " was delivered");
                String subject = mail("Re: Roundtrip Mail: {" + guid.group(1) + "}", "", "a reply");
                lookAlikes.add(body);
                lookAlikes.add(subject);
                mailbox.add(body);
                mailbox.add(subject);
            });

            Map<String, String> settings = FakeSettings.roundTrip(smtp, pop3);
            try (Sensor sensor = Sensors.create(settings)) {
                for (int run = 0; run < 100; run++) {
                    SensorResult result = sensor.run(Deadline.in(Duration.ofSeconds(20)));
                    assertThat(result.status()).as("run " + run + ": " + result.message()).isEqualTo(Status.UP);
                }
            }

            List<String> left = mailbox.snapshot().stream().map(FakeMailbox.Message::text).toList();
            assertThat(left).hasSize(50 + 200);
            assertThat(left).containsAll(foreign).containsAll(lookAlikes);
            assertThat(left).noneMatch(text -> text.contains("Round-trip probe sent by mailtrip"));
        }
    }
}
