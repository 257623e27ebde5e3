package io.mailtrip.sensor.smtpimap;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtpimap.testkit.ImapSensors;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sensor against GreenMail (SMTP, SMTPS, IMAP, IMAPS in-process) on every SMTP × IMAP TLS mode. */
class GreenMailImapRoundTripTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = ImapSensors.greenMail();

    /** Mode, and whether the listener is the implicit-TLS one; GreenMail has no STARTTLS on either side. */
    private static final List<Object[]> MODES = List.of(
            new Object[] {"none", false, true},
            new Object[] {"startTlsIfAvailable", false, true},
            new Object[] {"enforceStartTls", false, false},
            new Object[] {"tlsIfAvailable", true, true},
            new Object[] {"tlsIfAvailable", false, true},
            new Object[] {"enforceTls", true, true});

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (Object[] smtp : MODES) {
            for (Object[] imap : MODES) {
                all.add(Arguments.of(smtp[0], smtp[1], imap[0], imap[1], (boolean) smtp[2] && (boolean) imap[2]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "SMTP {0} (implicit port {1}), IMAP {2} (implicit port {3})")
    @MethodSource("everyCombination")
    void everySmtpTimesImapTlsMode(String smtpMode, boolean smtpImplicit, String imapMode, boolean imapImplicit,
                                   boolean up) throws Exception {
        Map<String, String> settings = ImapSensors.greenMailSettings(GREEN_MAIL);
        settings.put("smtpSecurity", smtpMode);
        settings.put("smtpPort", String.valueOf((smtpImplicit ? GREEN_MAIL.getSmtps() : GREEN_MAIL.getSmtp()).getPort()));
        settings.put("imapSecurity", imapMode);
        settings.put("imapPort", String.valueOf((imapImplicit ? GREEN_MAIL.getImaps() : GREEN_MAIL.getImap()).getPort()));

        SensorResult result = ImapSensors.runOnce(settings);

        if (up) {
            assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
            assertThat(result.phase()).isEqualTo("imap");
            assertThat(result.channel("smtp").measured()).isTrue();
            assertThat(result.channel("imap").measured()).isTrue();
            assertThat(result.channel("total").value()).isCloseTo(result.channel("smtp").value()
                    + result.channel("imap").value(), org.assertj.core.data.Offset.offset(0.002));
            assertThat(result.channel("downtime").measured()).isFalse();
            assertThat(result.message()).startsWith("round trip ").contains("IDLE");
            assertThat(GREEN_MAIL.getReceivedMessages()).as("the probe is removed").isEmpty();
        } else {
            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.message()).contains("does not offer STARTTLS").contains("nothing sent in clear");
            assertThat(result.channel("total").measured()).isFalse();
        }
    }

    @Test
    void pollingWhenAskedTo() {
        Map<String, String> settings = ImapSensors.greenMailSettings(GREEN_MAIL);
        settings.put("imapWait", "poll");
        SensorResult result = ImapSensors.runOnce(settings);
        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(result.message()).matches("round trip .* \\(SMTP .*, IMAP .*, 1 searches\\)");
        assertThat(result.details()).noneMatch(l -> l.matches("imap> m\\d+ IDLE"));
    }

    @Test
    void probeCarriesGuidInSubjectAndStampHeader() throws Exception {
        Map<String, String> settings = ImapSensors.greenMailSettings(GREEN_MAIL);
        settings.put("to", "elsewhere@localhost"); // not the watched folder: the probe stays to be looked at
        settings.put("maxTripTime", "1");
        SensorResult result = ImapSensors.runOnce(settings);
        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.message()).contains("IMAP 127.0.0.1:" + GREEN_MAIL.getImap().getPort()
                + " waiting for the probe: probe not received within maxTripTime 1 s");
        MimeMessage probe = GREEN_MAIL.getReceivedMessages()[0];
        String guid = probe.getSubject().replaceAll(".*\\{(.*)}", "$1");
        assertThat(probe.getHeader("X-Mailtrip-Probe")).singleElement().asString()
                .matches("smtp-imap-roundtrip; sensor=[0-9a-f]{16}; guid=" + guid + "; sent=\\d{13}");
    }

    @Test
    void connectOnlyWithImapAuthNone() {
        Map<String, String> settings = ImapSensors.greenMailSettings(GREEN_MAIL);
        settings.put("imapAuth", "none");
        settings.remove("imapUser");
        settings.remove("imapPassword");
        SensorResult result = ImapSensors.runOnce(settings);
        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(result.message()).contains("imapAuth=none: connect only");
    }

    @Test
    void secretsAppearNowhereInResultsTracesOrStoredFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        for (String password : List.of(ImapSensors.PROBE_PASSWORD, "Wrong-Imap-Pw-99")) {
            Map<String, String> settings = ImapSensors.greenMailSettings(GREEN_MAIL);
            settings.put("smtpAuth", "password");
            settings.put("smtpUser", "sender");
            settings.put("smtpPassword", "Smtp-Secret-0815");
            settings.put("imapPassword", password);
            settings.put("resultHandling", "store");
            settings.put("resultDirectory", dir.toString());
            SensorResult result = ImapSensors.runOnce(settings);
            assertThat(result.status()).as(result.message()).isEqualTo(password.startsWith("Wrong") ? Status.DOWN : Status.UP);
            String everything = result.message() + "\n" + String.join("\n", result.details());
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path file : files.toList()) {
                    everything += java.nio.file.Files.readString(file);
                }
            }
            assertThat(everything).contains("LOGIN \"probe\" ******").doesNotContain(password)
                    .doesNotContain("Smtp-Secret-0815")
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(("\0sender\0Smtp-Secret-0815")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }
}
