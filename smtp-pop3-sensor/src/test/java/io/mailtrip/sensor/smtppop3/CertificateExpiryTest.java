package io.mailtrip.sensor.smtppop3;

import io.mailtrip.sensor.smtppop3.testkit.MailStack;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.SensorResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

/**
 * The certificate channel against the real stack: the days until the earliest {@code notAfter} of the
 * certificates that scripts/mailstack made with openssl (read back with openssl), measured when either
 * leg used TLS, not measured when neither did.
 */
class CertificateExpiryTest {

    @BeforeEach
    void emptyProbeMailbox() {
        MailStack.require();
        MailStack.empty(MailStack.get("PROBE"), MailStack.get("PROBE_PASSWORD"));
    }

    @ParameterizedTest(name = "SMTP {0} {1}, POP3 {2} {3}: measured {4}")
    @CsvSource({
            "SMTPS_PORT,      enforceTls,      POP3S_PORT,      enforceTls,      true",
            "SMTP_PORT,       enforceStartTls, POP3_NOTLS_PORT, none,            true",
            "SMTP_NOTLS_PORT, none,            POP3_PORT,       enforceStartTls, true",
            "SMTP_NOTLS_PORT, none,            POP3_NOTLS_PORT, none,            false",
    })
    void theChannelIsTheDaysToTheEarliestExpiryTheRunSaw(String smtp, String smtpSecurity, String pop3,
                                                          String pop3Security, boolean tls) {
        Instant before = Instant.now();
        SensorResult result = Sensors.runOnce(MailStack.settings(smtp, smtpSecurity, pop3, pop3Security));

        MailStack.assertCertificateDays(result, before, tls);
    }
}
