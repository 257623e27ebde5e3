package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.testing.TestIssuer;
import io.mailtrip.sensor.smtppop3.testkit.MailStack;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth 2.0 against the real stack: Postfix (SASL through Dovecot) and Dovecot check every token with
 * the test issuer's introspection endpoint (Dovecot's oauth2 passdb). The mailbox user has no password
 * that works, so an UP run logged in with tokens only; the traces also show that nothing else was sent.
 */
class RealStackOAuth2Test {

    private static final String CLIENT = "mailtrip-sensor";
    private static final String CLIENT_SECRET = "Oauth-Client-Secret-8w?";
    private static TestIssuer issuer;

    @BeforeAll
    static void startIssuer() throws Exception {
        MailStack.require();
        issuer = MailStack.oauth2Issuer(CLIENT, CLIENT_SECRET, MailStack.get("OAUTH2_PROBE"));
    }

    @AfterAll
    static void stopIssuer() {
        if (issuer != null) {
            issuer.close();
        }
    }

    @BeforeEach
    void normal() {
        MailStack.require();
        issuer.mode(TestIssuer.Mode.NORMAL);
        issuer.lifetime(Duration.ofHours(1));
    }

    /** SMTP submission (AUTH required after STARTTLS) and POP3 with STLS, both with oauth2 only. */
    static Map<String, String> settings(String... overrides) {
        Map<String, String> raw = MailStack.oauth2Settings(issuer, CLIENT, CLIENT_SECRET);
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                raw.remove(overrides[i]);
            } else {
                raw.put(overrides[i], overrides[i + 1]);
            }
        }
        return raw;
    }

    private static String everything(SensorResult result) {
        return result.message() + "\n" + String.join("\n", result.details());
    }

    /** No secret of the test anywhere; no password mechanism or command on either leg. */
    private static void assertNoSecretAndNoPassword(SensorResult result) {
        String text = everything(result);
        assertThat(text).doesNotContain(CLIENT_SECRET, MailStack.get("SENDER_PASSWORD"), MailStack.get("PROBE_PASSWORD"));
        for (String token : issuer.secretsIssued()) {
            assertThat(text).doesNotContain(token);
        }
        assertThat(text).doesNotContain("> AUTH PLAIN", "> AUTH LOGIN", "> AUTH CRAM-MD5", "> PASS", "> USER", "> APOP");
    }

    @Test
    void roundTripLogsInWithTokensOnlyAndSaysHowLongTheTokenRequestTook() {
        try (Sensor sensor = Sensors.create(settings())) {
            int before = issuer.tokenRequests().size();
            SensorResult first = sensor.run(Deadline.in(sensor.budget()));
            assertThat(first.status()).as(everything(first)).isEqualTo(Status.UP);
            assertThat(first.message()).matches("round trip .*; OAuth 2.0 token for SMTP in \\d+\\.\\d ms");
            assertThat(everything(first)).contains("smtp> AUTH OAUTHBEARER", "pop3> AUTH OAUTHBEARER",
                    "smtp< 235", "pop3< +OK Logged in.");
            assertThat(first.channels()).containsOnlyKeys("smtp", "pop3", "total", "downtime", "certificate");
            assertNoSecretAndNoPassword(first);

            // The cached token serves the next run: no request, nothing said about one.
            SensorResult second = sensor.run(Deadline.in(sensor.budget()));
            assertThat(second.status()).as(everything(second)).isEqualTo(Status.UP);
            assertThat(second.message()).doesNotContain("OAuth 2.0 token");
            assertThat(issuer.tokenRequests().size() - before).isEqualTo(1);
            assertNoSecretAndNoPassword(second);
        }
    }

    @Test
    void xoauth2WhenConfigured() {
        SensorResult result = Sensors.runOnce(settings("oauth2Mechanism", "xoauth2"));
        assertThat(result.status()).as(everything(result)).isEqualTo(Status.UP);
        assertThat(everything(result)).contains("smtp> AUTH XOAUTH2", "pop3> AUTH XOAUTH2");
        assertNoSecretAndNoPassword(result);
    }

    @Test
    void aRevokedCachedTokenIsDownOnceThenReplaced() {
        try (Sensor sensor = Sensors.create(settings())) {
            assertThat(sensor.run(Deadline.in(sensor.budget())).status()).isEqualTo(Status.UP);
            issuer.revokeAll();
            SensorResult revoked = sensor.run(Deadline.in(sensor.budget()));
            assertThat(revoked.status()).isEqualTo(Status.DOWN);
            assertThat(revoked.phase()).isEqualTo("smtp");
            assertThat(revoked.message()).startsWith("SMTP " + MailStack.get("HOST") + ":"
                    + MailStack.get(MailStack.SUBMISSION) + " AUTH OAUTHBEARER: OAUTHBEARER refused for user "
                    + MailStack.get("OAUTH2_PROBE") + ": token rejected (status=invalid_token); server: 535");
            assertNoSecretAndNoPassword(revoked);
            SensorResult renewed = sensor.run(Deadline.in(sensor.budget()));
            assertThat(renewed.status()).as(everything(renewed)).isEqualTo(Status.UP);
            assertThat(renewed.message()).contains("OAuth 2.0 token for SMTP in");
        }
    }

    @Test
    void expiredAndRevokedAccessTokensAreDown() {
        String box = MailStack.get("OAUTH2_PROBE");
        String expired = issuer.issue(box, MailStack.get("OAUTH2_SCOPE"), Duration.ofMinutes(-1));
        String revoked = issuer.issue(box, MailStack.get("OAUTH2_SCOPE"), Duration.ofMinutes(10));
        issuer.revoke(revoked);
        for (String token : List.of(expired, revoked)) {
            SensorResult result = Sensors.runOnce(settings("oauth2Grant", "accessToken", "oauth2AccessToken", token));
            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.message()).contains("token rejected (status=invalid_token)");
            assertNoSecretAndNoPassword(result);
        }
    }

    @Test
    void aTokenOfAnotherScopeIsRefusedByDovecot() {
        issuer.client("other-scope", CLIENT_SECRET, MailStack.get("OAUTH2_PROBE"), "calendar");
        SensorResult result = Sensors.runOnce(settings("oauth2ClientId", "other-scope", "oauth2Scope", "calendar"));
        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.message()).contains("token rejected (status=invalid_token)");
        assertNoSecretAndNoPassword(result);
    }

    @Test
    void aTokenEndpointThatIsDownSlowOrBrokenIsDownInPhaseOauth2WithinTheTimeout() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SensorResult down = Sensors.runOnce(settings("oauth2TokenUrl", "https://127.0.0.1:" + closed + "/token"));
        assertThat(down.status()).isEqualTo(Status.DOWN);
        assertThat(down.phase()).isEqualTo("oauth2");
        assertThat(down.message()).isEqualTo("OAUTH2 127.0.0.1:" + closed
                + " token request (client_credentials, for SMTP): connection refused or unreachable");

        issuer.mode(TestIssuer.Mode.TARPIT);
        long start = System.nanoTime();
        SensorResult slow = Sensors.runOnce(settings());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(slow.phase()).isEqualTo("oauth2");
        assertThat(slow.status()).isEqualTo(Status.DOWN);
        assertThat(slow.message()).endsWith("no complete answer within 2000 ms");

        issuer.mode(TestIssuer.Mode.GARBAGE);
        SensorResult garbage = Sensors.runOnce(settings());
        assertThat(garbage.phase()).isEqualTo("oauth2");
        assertThat(garbage.message()).endsWith("HTTP 200 but the answer is not a JSON object (RFC 6749 section 5.1)");

        issuer.mode(TestIssuer.Mode.NORMAL);
        SensorResult wrongSecret = Sensors.runOnce(settings("oauth2ClientSecret", "not-the-secret"));
        assertThat(wrongSecret.phase()).isEqualTo("oauth2");
        assertThat(wrongSecret.message()).endsWith("HTTP 401, error invalid_client (unknown client or wrong secret)");
        for (SensorResult result : List.of(down, slow, garbage, wrongSecret)) {
            assertNoSecretAndNoPassword(result);
            assertThat(everything(result)).doesNotContain("not-the-secret");
        }
    }
}
