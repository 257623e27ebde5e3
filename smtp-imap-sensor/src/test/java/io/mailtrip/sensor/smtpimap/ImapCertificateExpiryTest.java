package io.mailtrip.sensor.smtpimap;

import io.mailtrip.sensor.smtpimap.testkit.ImapSensors;
import io.mailtrip.sensor.smtppop3.testkit.MailStack;
import io.mailtrip.spi.SensorResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

/**
 * The certificate channel of the IMAP sensor against the real stack, checked against the {@code notAfter}
 * openssl reads from the stack's certificate files: measured when either leg used TLS, else not measured.
 */
class ImapCertificateExpiryTest {

    @BeforeEach
    void stack() {
        MailStack.require();
    }

    @ParameterizedTest(name = "SMTP {0} {1}, IMAP {2} {3}: measured {4}")
    @CsvSource({
            "SMTPS_PORT,      enforceTls,      IMAPS_PORT,      enforceTls,      true",
            "SMTP_NOTLS_PORT, none,            IMAP_PORT,       enforceStartTls, true",
            "SMTP_NOTLS_PORT, none,            IMAP_PORT,       none,            false",
    })
    void theChannelIsTheDaysToTheEarliestExpiryTheRunSaw(String smtp, String smtpSecurity, String imap,
                                                          String imapSecurity, boolean tls) {
        Instant before = Instant.now();
        SensorResult result = ImapSensors.runOnce(ImapSensors.stackSettings(smtp, smtpSecurity, imap, imapSecurity,
                MailStack.get("IMAP_PROBE"), MailStack.get("IMAP_PROBE_PASSWORD")));

        MailStack.assertCertificateDays(result, before, tls);
    }
}
