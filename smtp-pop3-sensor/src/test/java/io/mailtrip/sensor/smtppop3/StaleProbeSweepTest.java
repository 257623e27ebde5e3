package io.mailtrip.sensor.smtppop3;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.probe.SensorKey;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.Status;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes left behind by earlier runs or processes are swept as late; nobody else's mail is. */
class StaleProbeSweepTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static String keyOf(Map<String, String> settings) {
        RoundTripConfig config = RoundTripConfig.from(
                Settings.parse(Sensors.roundTripProvider().descriptor(), settings));
        return SensorKey.of(config.from(), config.to(), config.smtp().endpoint(), config.pop3());
    }

    private static void deliverToProbe(ProbeMessage message) throws Exception {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(message.text().getBytes(StandardCharsets.US_ASCII)));
        GreenMailUser probe = GREEN_MAIL.getUserManager().getUserByEmail(MailServers.PROBE);
        probe.deliver(mime);
    }

    private static long subjectsContaining(String guid) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(guid);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    @Test
    void ownProbeOlderThanMaxTripTimeIsDeletedAsLateButRecentAndForeignProbesStay() throws Exception {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        String key = keyOf(settings);
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        ProbeMessage leftBehind = ProbeMessage.create(RoundTripCatalogue.SENSOR_ID, key, "", MailServers.SENDER,
                MailServers.PROBE, "h", longAgo);
        ProbeMessage otherSensor = ProbeMessage.create(RoundTripCatalogue.SENSOR_ID, "0123456789abcdef", "",
                MailServers.SENDER, MailServers.PROBE, "h", longAgo);
        ProbeMessage stillInFlight = ProbeMessage.create(RoundTripCatalogue.SENSOR_ID, key, "", MailServers.SENDER,
                MailServers.PROBE, "h",
                Instant.now());
        deliverToProbe(leftBehind);
        deliverToProbe(otherSensor);
        deliverToProbe(stillInFlight);

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(result.message()).endsWith("; deleted 1 late probe(s) and 0 duplicate(s)");
        assertThat(subjectsContaining(leftBehind.guid())).isZero();
        assertThat(subjectsContaining(otherSensor.guid())).as("another sensor's probe is not ours to delete").isOne();
        assertThat(subjectsContaining(stillInFlight.guid())).as("younger than maxTripTime: may be in flight").isOne();
    }

    @Test
    void probeArrivingAfterItsRunGaveUpIsCountedLateByTheNextRunNotMatched() throws Exception {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.put("maxTripTime", "1");
        try (Sensor sensor = Sensors.create(settings)) {
            // The first run's probe goes astray: hold it back from the mailbox until the run has given up.
            GREEN_MAIL.getUserManager().setMessageDeliveryHandler((message, address) ->
                    GREEN_MAIL.getUserManager().getUserByEmail("nobody@localhost") != null
                            ? GREEN_MAIL.getUserManager().getUserByEmail("nobody@localhost")
                            : createUser("nobody@localhost"));
            SensorResult first = sensor.run(Deadline.in(Duration.ofSeconds(30)));
            assertThat(first.status()).isEqualTo(Status.DOWN);
            assertThat(first.message()).contains("probe not received within maxTripTime 1 s");

            MimeMessage astray = GREEN_MAIL.getReceivedMessagesForDomain("localhost")[0];
            GREEN_MAIL.getUserManager().setMessageDeliveryHandler((message, address) ->
                    GREEN_MAIL.getUserManager().getUserByEmail(address.getEmail()));
            String lateGuid = astray.getSubject().replaceAll(".*\\{(.*)}", "$1");
            GREEN_MAIL.getUserManager().getUserByEmail(MailServers.PROBE).deliver(astray);

            SensorResult second = sensor.run(Deadline.in(Duration.ofSeconds(30)));

            assertThat(second.status()).as(second.message()).isEqualTo(Status.UP);
            assertThat(second.message()).endsWith("; deleted 1 late probe(s) and 0 duplicate(s)");
            assertThat(subjectsContaining(lateGuid)).as("only the astray copy in nobody's mailbox is left").isOne();
        }
    }

    private static GreenMailUser createUser(String address) {
        try {
            return GREEN_MAIL.getUserManager().createUser(address, address, address);
        } catch (com.icegreen.greenmail.user.UserException e) {
            throw new IllegalStateException(e);
        }
    }
}
