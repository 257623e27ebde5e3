package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.testing.TestIssuer;
import io.mailtrip.sensor.smtpimap.testkit.ImapSensors;
import io.mailtrip.sensor.smtppop3.testkit.MailStack;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IMAP leg with OAuth 2.0 against real Dovecot (its oauth2 passdb introspects every token at the test
 * issuer): AUTHENTICATE OAUTHBEARER with SASL-IR, XOAUTH2, a revoked token, and no secret in the output.
 * The mailbox user has no password that works.
 */
class RealStackImapOAuth2Test {

    private static final String SECRET = "Imap-Client-Secret-2k%";
    private static TestIssuer issuer;

    @BeforeAll
    static void startIssuer() throws Exception {
        MailStack.require();
        issuer = MailStack.oauth2Issuer("imap-sensor", SECRET, MailStack.get("OAUTH2_IMAP_PROBE"));
    }

    @AfterAll
    static void stopIssuer() {
        if (issuer != null) {
            issuer.close();
        }
    }

    private static Map<String, String> settings(String mechanism) {
        String box = MailStack.get("OAUTH2_IMAP_PROBE");
        Map<String, String> settings = ImapSensors.stackSettings("SUBMISSION_PORT", "enforceStartTls", "IMAP_PORT",
                "enforceStartTls", box, "unused");
        settings.remove("imapPassword");
        settings.put("imapAuth", "oauth2");
        settings.put("oauth2Grant", "clientCredentials");
        settings.put("oauth2TokenUrl", issuer.tokenUrl().toString());
        settings.put("oauth2ClientId", "imap-sensor");
        settings.put("oauth2ClientSecret", SECRET);
        settings.put("oauth2Scope", MailStack.get("OAUTH2_SCOPE"));
        settings.put("oauth2Mechanism", mechanism);
        return settings;
    }

    private static String everything(SensorResult result) {
        return result.message() + "\n" + String.join("\n", result.details());
    }

    private static void assertClean(SensorResult result) {
        String text = everything(result);
        assertThat(text).doesNotContain(SECRET);
        issuer.secretsIssued().forEach(token -> assertThat(text).doesNotContain(token));
        assertThat(text).doesNotContain("AUTHENTICATE PLAIN", "> LOGIN", "imap> m1 LOGIN");
    }

    @Test
    void imapLogsInWithATokenOnlyAndTheNextRunUsesTheCachedOne() {
        try (Sensor sensor = ImapSensors.create(settings("auto"))) {
            SensorResult first = sensor.run(Deadline.in(sensor.budget()));
            assertThat(first.status()).as(everything(first)).isEqualTo(Status.UP);
            assertThat(first.message()).contains("OAuth 2.0 token for IMAP in");
            assertThat(everything(first)).contains("AUTHENTICATE OAUTHBEARER ******");
            assertClean(first);

            issuer.revokeAll();
            SensorResult revoked = sensor.run(Deadline.in(sensor.budget()));
            assertThat(revoked.status()).isEqualTo(Status.DOWN);
            assertThat(revoked.phase()).isEqualTo("imap");
            assertThat(revoked.message()).contains("OAUTHBEARER refused for user " + MailStack.get("OAUTH2_IMAP_PROBE")
                    + ": token rejected (status=invalid_token)");
            assertClean(revoked);

            SensorResult renewed = sensor.run(Deadline.in(sensor.budget()));
            assertThat(renewed.status()).as(everything(renewed)).isEqualTo(Status.UP);
        }
    }

    @Test
    void xoauth2WhenConfigured() {
        SensorResult result = ImapSensors.runOnce(settings("xoauth2"));
        assertThat(result.status()).as(everything(result)).isEqualTo(Status.UP);
        assertThat(everything(result)).contains("AUTHENTICATE XOAUTH2 ******");
        assertClean(result);
    }

    @Test
    void aTarpitTokenEndpointIsDownInPhaseOauth2WithinImapTimeout() {
        issuer.mode(TestIssuer.Mode.TARPIT);
        try {
            long start = System.nanoTime();
            SensorResult result = ImapSensors.runOnce(settings("auto"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.phase()).isEqualTo("oauth2");
            assertThat(result.message()).endsWith("no complete answer within 3000 ms");
            assertClean(result);
        } finally {
            issuer.mode(TestIssuer.Mode.NORMAL);
        }
    }
}
