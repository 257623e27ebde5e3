package io.mailtrip.sensor.smtppop3;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.mailtrip.mailkit.settings.MailSettings.MAX_TRIP_TIME;
import static io.mailtrip.mailkit.settings.MailSettings.RESULT_DIRECTORY;
import static io.mailtrip.mailkit.settings.MailSettings.RESULT_HANDLING;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_AUTH_MECHANISM;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_HOST;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_PORT;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_SECURITY;
import static io.mailtrip.mailkit.settings.MailSettings.SUBJECT_TEXT;
import static io.mailtrip.mailkit.settings.MailSettings.TO;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_AUTH;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_HOST;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_PASSWORD;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_PORT;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_SECURITY;
import static org.assertj.core.api.Assertions.assertThat;

/** The round trip through real SMTP/POP3 protocol peers: GreenMail in-process. */
class GreenMailRoundTripTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    @Test
    void plainRoundTripIsUpWithEveryChannelMeasuredAndTheProbeDeleted() {
        SensorResult result = Sensors.runOnce(MailServers.plainSettings(GREEN_MAIL));

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(result.phase()).isEqualTo("pop3");
        assertThat(result.channel("smtp").measured()).isTrue();
        assertThat(result.channel("pop3").measured()).isTrue();
        assertThat(result.channel("total").value())
                .isCloseTo(result.channel("smtp").value() + result.channel("pop3").value(),
                        org.assertj.core.data.Offset.offset(0.002));
        assertThat(result.channel("downtime").measured()).isFalse();
        assertThat(result.message()).startsWith("round trip ");
        assertThat(GREEN_MAIL.getReceivedMessages()).as("the probe is deleted after it was found").isEmpty();
    }

    @Test
    void probeCarriesGuidInSubjectAndProbeHeaderPlusDateAndMessageId() throws Exception {
        Map<String, String> settings = MailServers.plain(GREEN_MAIL)
                .with(SUBJECT_TEXT, "Nightly check")
                .with(TO, "elsewhere@localhost") // not the polled mailbox: the probe stays to be looked at
                .with(MAX_TRIP_TIME, "1").map();

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage probe = received[0];
        assertThat(probe.getSubject()).matches("Nightly check Roundtrip Mail: \\{[0-9A-F-]{36}}");
        String guid = probe.getSubject().replaceAll(".*\\{(.*)}", "$1");
        assertThat(probe.getHeader("X-Mailtrip-Probe")).singleElement().asString()
                .matches("smtp-pop3-roundtrip; sensor=[0-9a-f]{16}; guid=" + guid + "; sent=\\d{13}");
        assertThat(probe.getHeader("Message-ID")[0]).contains(guid.toLowerCase(java.util.Locale.ROOT));
        assertThat(probe.getSentDate()).isNotNull();
        assertThat(result.details()).anyMatch(line -> line.contains("EHLO sensor.mailtrip.test"));
    }

    @Test
    void implicitTlsOnBothLegsWithTrustStoreAndHostnameCheckIsUp() {
        SensorResult result = Sensors.runOnce(MailServers.tlsSettings(GREEN_MAIL));

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest(name = "SMTP {0}, POP3 {1}")
    @CsvSource({"none, none", "none, enforceTls", "enforceTls, none", "enforceTls, enforceTls"})
    void happyPathOnEveryCombinationGreenMailSupports(String smtpSecurity, String pop3Security) {
        Map<String, String> settings = MailServers.tls(GREEN_MAIL)
                .with(SMTP_SECURITY, smtpSecurity)
                .with(POP3_SECURITY, pop3Security)
                .with(SMTP_PORT, smtpSecurity.equals("none") ? GREEN_MAIL.getSmtp().getPort()
                        : GREEN_MAIL.getSmtps().getPort())
                .with(POP3_PORT, pop3Security.equals("none") ? GREEN_MAIL.getPop3().getPort()
                        : GREEN_MAIL.getPop3s().getPort()).map();

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(result.channels().values()).filteredOn(v -> v.measured())
                .as("smtp, pop3, total, and the certificate once a leg used TLS")
                .hasSize(smtpSecurity.equals("none") && pop3Security.equals("none") ? 3 : 4);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest(name = "{0} host name {1}")
    @CsvSource({"localhost", "127.0.0.1"})
    void hostNameVerificationPassesForEveryNameInTheCertificate(String host) {
        Map<String, String> settings = MailServers.tls(GREEN_MAIL)
                .with(SMTP_HOST, host)
                .with(POP3_HOST, host).map();

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
    }

    @Test
    void certificateNotInTheJvmTrustStoreIsDownInPhaseSmtpWithAClearMessage() {
        Map<String, String> settings = MailServers.tlsSettings(GREEN_MAIL);
        settings.remove("trustStore");
        settings.remove("trustStorePassword");

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("smtp");
        assertThat(result.message()).contains("TLS certificate not trusted");
        assertThat(result.channel("smtp").measured()).isFalse();
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void tlsIfAvailableFallsBackToPlainWhenThePortSpeaksNoTls() {
        Map<String, String> settings = MailServers.plain(GREEN_MAIL)
                .with(SMTP_SECURITY, "tlsIfAvailable")
                .with(POP3_SECURITY, "tlsIfAvailable").map();

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(result.details()).anyMatch(line -> line.contains("does not speak TLS on this port"));
    }

    @Test
    void enforceTlsAgainstAPlainPortIsDownAndSendsNoMail() {
        Map<String, String> settings = MailServers.plain(GREEN_MAIL)
                .with(SMTP_SECURITY, "enforceTls").map();

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("smtp");
        assertThat(result.message()).contains("server does not speak TLS on this port");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void enforceStartTlsAgainstGreenMailWhichOffersNoStartTlsIsDownBeforeAnyMailCommand() {
        Map<String, String> settings = MailServers.plain(GREEN_MAIL)
                .with(SMTP_SECURITY, "enforceStartTls")
                .smtpLogin("sender", MailServers.SENDER_PASSWORD).map();

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("smtp");
        assertThat(result.message()).contains("does not offer STARTTLS");
        assertThat(result.details()).noneMatch(line -> line.startsWith("smtp> AUTH"))
                .noneMatch(line -> line.startsWith("smtp> MAIL"));
    }

    @ParameterizedTest(name = "AUTH {0}")
    @CsvSource({"plain,PLAIN", "login,LOGIN", "auto,PLAIN"})
    void smtpAuthWithEachMechanismGreenMailOffers(String mechanism, String expectedOnWire) {
        Map<String, String> settings = MailServers.plain(GREEN_MAIL)
                .smtpLogin("sender", MailServers.SENDER_PASSWORD)
                .with(SMTP_AUTH_MECHANISM, mechanism).map();

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(result.details()).contains("smtp> AUTH " + expectedOnWire);
        assertThat(String.join("\n", result.details())).doesNotContain(MailServers.SENDER_PASSWORD)
                .doesNotContain(MailServers.PROBE_PASSWORD);
    }

    @Test
    void wrongPop3PasswordIsDownInPhasePop3AfterTheMailWasSent() {
        Map<String, String> settings = MailServers.plain(GREEN_MAIL)
                .with(POP3_PASSWORD, "not-the-password").map();

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("pop3");
        assertThat(result.message()).contains("login failed for user probe");
        assertThat(result.channel("smtp").measured()).isTrue();
        assertThat(result.channel("pop3").measured()).isFalse();
        assertThat(result.channel("total").measured()).isFalse();
        assertThat(result.message() + result.details()).doesNotContain("not-the-password");
    }

    @Test
    void mailThatNeverArrivesIsDownInPhasePop3AfterMaxTripTime() {
        Map<String, String> settings = MailServers.plain(GREEN_MAIL)
                .with(TO, "nobody@localhost")
                .with(MAX_TRIP_TIME, "2").map();

        long start = System.nanoTime();
        SensorResult result = Sensors.runOnce(settings);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("pop3");
        assertThat(result.message()).contains("probe not received within maxTripTime 2 s");
        assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void runDeadlineShorterThanMaxTripTimeEndsTheRunAsUnknownInTime() {
        Map<String, String> settings = MailServers.plain(GREEN_MAIL)
                .with(TO, "nobody@localhost")
                .with(MAX_TRIP_TIME, "60").map();

        long start = System.nanoTime();
        SensorResult result = Sensors.runOnce(settings, Duration.ofMillis(1500));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.status()).isEqualTo(Status.UNKNOWN);
        assertThat(result.message()).contains("run deadline reached");
        assertThat(took).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void connectionRefusedIsDownInPhaseSmtpWithEveryChannelNotMeasured() throws Exception {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        try (ServerSocket socket = new ServerSocket(0)) {
            settings.put(SMTP_PORT.name(), String.valueOf(socket.getLocalPort()));
        }

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("smtp");
        assertThat(result.message()).contains("connect: connection failed");
        assertThat(result.channels().keySet()).containsExactly("smtp", "pop3", "total", "downtime", "certificate");
        assertThat(result.channels().values()).allMatch(v -> !v.measured());
    }

    @Test
    void pop3AuthNoneConnectsOnlyAndReportsIt() {
        Map<String, String> settings = MailServers.plain(GREEN_MAIL)
                .with(POP3_AUTH, "none").map();
        settings.remove("pop3User");
        settings.remove("pop3Password");

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(result.message()).contains("pop3Auth=none: connect only, arrival not checked");
        assertThat(result.channel("pop3").measured()).isTrue();
        assertThat(result.details()).noneMatch(line -> line.startsWith("pop3> USER"));
    }

    @Test
    void foreignMailIncludingLookAlikesSurvivesEveryRun() throws Exception {
        GreenMailUser probe = GREEN_MAIL.getUserManager().getUserByEmail(MailServers.PROBE);
        List<String> subjects = List.of("Invoice 42", "Roundtrip Mail: {00000000-0000-0000-0000-000000000000}",
                "Re: Roundtrip Mail: {11111111-2222-3333-4444-555555555555}", "Lunch?");
        for (String subject : subjects) {
            GreenMailUtil.sendTextEmail(MailServers.PROBE, "someone@localhost", subject, "body",
                    GREEN_MAIL.getSmtp().getServerSetup());
        }
        assertThat(GREEN_MAIL.getReceivedMessagesForDomain("localhost")).hasSize(subjects.size());

        try (Sensor sensor = Sensors.create(MailServers.plainSettings(GREEN_MAIL))) {
            for (int run = 0; run < 3; run++) {
                SensorResult result = sensor.run(Deadline.in(Duration.ofSeconds(30)));
                assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
            }
        }

        MimeMessage[] left = GREEN_MAIL.getReceivedMessages();
        assertThat(Arrays.stream(left).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(probe).isNotNull();
    }

    @Test
    void storedResultHoldsTextAndDataButNoSecret(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Map<String, String> settings = MailServers.plain(GREEN_MAIL)
                .with(RESULT_HANDLING, "store")
                .with(RESULT_DIRECTORY, dir.toString())
                .smtpLogin("sender", MailServers.SENDER_PASSWORD).map();

        SensorResult result = Sensors.runOnce(settings);

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        List<Path> files;
        try (var listing = Files.list(dir)) {
            files = listing.toList();
        }
        assertThat(files).hasSize(1);
        String stored = Files.readString(files.get(0));
        assertThat(stored).startsWith("UP - round trip").contains("channel.total=").contains("setting.smtpHost=")
                .contains("setting.smtpPassword=******")
                .doesNotContain(MailServers.SENDER_PASSWORD).doesNotContain(MailServers.PROBE_PASSWORD);
    }
}
