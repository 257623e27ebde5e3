package io.mailtrip.nagios;

import io.mailtrip.mailkit.testing.TestIssuer;
import io.mailtrip.sensor.smtppop3.testkit.MailStack;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Nagios plugin with OAuth 2.0 on both legs against the real stack (Dovecot checks every token with the
 * test issuer): options rendered from the metadata, the client secret from the environment, no secret and
 * no password in the output, and the one-shot note about a rotated refresh token.
 */
class NagiosOAuth2Test {

    private static final String SECRET = "Nagios-Client-Secret-6t#";
    private static TestIssuer issuer;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeAll
    static void startIssuer() throws Exception {
        MailStack.require();
        issuer = MailStack.oauth2Issuer("nagios", SECRET, MailStack.get("OAUTH2_PROBE"));
    }

    @AfterAll
    static void stopIssuer() {
        if (issuer != null) {
            issuer.close();
        }
    }

    private List<String> args(String grant) {
        String box = MailStack.get("OAUTH2_PROBE");
        return new ArrayList<>(List.of(
                "--from", box, "--to", box, "--helo-ident", "sensor.mailtrip.test",
                "--smtp-host", MailStack.get("HOST"), "--smtp-port", MailStack.get(MailStack.SUBMISSION),
                "--smtp-security", "enforceStartTls", "--smtp-timeout", "2",
                "--smtp-auth", "oauth2", "--smtp-user", box,
                "--pop3-host", MailStack.get("HOST"), "--pop3-port", MailStack.get(MailStack.POP3),
                "--pop3-security", "enforceStartTls", "--pop3-timeout", "2", "--pop3-interval", "1",
                "--pop3-auth", "oauth2", "--pop3-user", box, "--max-trip-time", "10",
                "--oauth2-grant", grant, "--oauth2-token-url", issuer.tokenUrl().toString(),
                "--oauth2-client-id", "nagios", "--oauth2-scope", MailStack.get("OAUTH2_SCOPE"),
                "--trust-store", MailStack.get("TRUSTSTORE"), "--trust-store-password",
                MailStack.get("TRUSTSTORE_PASSWORD"), "-vvv"));
    }

    private NagiosPlugin.Printed run(List<String> args) {
        return new NagiosPlugin(Sensors.roundTripProvider().id(), environment::get, new ExitGuard(null, null))
                .execute(args.toArray(String[]::new));
    }

    private static void assertClean(String text) {
        assertThat(text).doesNotContain(SECRET);
        issuer.secretsIssued().forEach(token -> assertThat(text).doesNotContain(token));
        assertThat(text).doesNotContain("> PASS", "> USER", "> AUTH PLAIN", "> AUTH LOGIN", "> AUTH CRAM-MD5");
    }

    @Test
    void clientCredentialsFromTheCommandLineAndTheEnvironmentGiveAnOkRoundTrip() {
        environment.put("MAILTRIP_OAUTH2_CLIENT_SECRET", SECRET);

        NagiosPlugin.Printed printed = run(args("clientCredentials"));

        assertThat(printed.state()).as(printed.text()).isEqualTo(PluginState.OK);
        assertThat(printed.text()).containsPattern("^SMTP-POP3 OK - total [0-9.]+s - round trip .*OAuth 2\\.0 token for"
                + " SMTP in [0-9.]+ ms")
                .contains("smtp> AUTH OAUTHBEARER", "pop3> AUTH OAUTHBEARER")
                .contains("\nsetting oauth2ClientSecret = ****** (environment)\n");
        assertClean(printed.text());
    }

    @Test
    void aRotatedRefreshTokenThatThePluginCannotKeepIsSaid() {
        issuer.rotateRefreshTokens(true);
        environment.put("MAILTRIP_OAUTH2_CLIENT_SECRET", SECRET);
        environment.put("MAILTRIP_OAUTH2_REFRESH_TOKEN", issuer.refreshTokenFor("nagios"));

        NagiosPlugin.Printed printed = run(args("refreshToken"));

        assertThat(printed.state()).as(printed.text()).isEqualTo(PluginState.OK);
        assertThat(printed.text()).contains("a new refresh token, which this host cannot keep");
        assertClean(printed.text());
        issuer.rotateRefreshTokens(false);
    }

    @Test
    void aBrokenTokenEndpointIsCriticalInPhaseOauth2() {
        environment.put("MAILTRIP_OAUTH2_CLIENT_SECRET", SECRET);
        issuer.mode(TestIssuer.Mode.SERVER_ERROR);
        try {
            NagiosPlugin.Printed printed = run(args("clientCredentials"));
            assertThat(printed.state()).isEqualTo(PluginState.CRITICAL);
            assertThat(printed.text()).contains("OAUTH2 127.0.0.1:").contains("HTTP 503, error temporarily_unavailable");
            assertClean(printed.text());
        } finally {
            issuer.mode(TestIssuer.Mode.NORMAL);
        }
    }
}
