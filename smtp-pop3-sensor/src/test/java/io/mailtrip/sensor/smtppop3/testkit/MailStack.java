package io.mailtrip.sensor.smtppop3.testkit;

import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.mailkit.testing.TestIssuer;
import io.mailtrip.mailkit.tls.CertificatesSeen;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.apache.commons.net.pop3.POP3Client;
import org.apache.commons.net.pop3.POP3MessageInfo;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_INTERVAL;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real Postfix + Dovecot stack of {@code scripts/mailstack}, as its {@code env} command describes it.
 * Tests call {@link #require()}: without the stack they skip locally and fail in CI.
 */
public final class MailStack {

    public static final String SMTP = "SMTP_PORT";
    public static final String SMTP_NOTLS = "SMTP_NOTLS_PORT";
    public static final String SMTP_AUTH = "SMTP_AUTH_PORT";
    public static final String SMTPS = "SMTPS_PORT";
    public static final String SUBMISSION = "SUBMISSION_PORT";
    public static final String SMTPS_WRONGHOST = "SMTPS_WRONGHOST_PORT";
    public static final String POP3 = "POP3_PORT";
    public static final String POP3_NOTLS = "POP3_NOTLS_PORT";
    public static final String POP3S = "POP3S_PORT";

    private MailStack() {
    }

    /** Skips the calling test when the stack is not running, unless this is CI, where it fails. */
    public static void require() {
        boolean running = "1".equals(System.getenv("MAILTRIP_STACK"));
        if (!running && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but the real mail stack is not running: .ci/run must start "
                    + "scripts/mailstack and eval its env");
        }
        Assumptions.assumeTrue(running, "real mail stack not running: scripts/mailstack start && "
                + "eval \"$(scripts/mailstack env)\" to run these tests");
    }

    public static String get(String name) {
        String value = System.getenv("MAILTRIP_STACK_" + name);
        if (value == null) {
            throw new IllegalStateException("MAILTRIP_STACK_" + name + " is not set");
        }
        return value;
    }

    public static int port(String listener) {
        return Integer.parseInt(get(listener));
    }

    /**
     * Settings for a round trip from sender@ to probe@ on the given listeners: SMTP AUTH as sender, POP3
     * USER/PASS as probe, the stack's CA as trust store, short timeouts.
     */
    public static Map<String, String> settings(String smtpListener, String smtpSecurity, String pop3Listener,
                                               String pop3Security) {
        return fixture(smtpListener, smtpSecurity, pop3Listener, pop3Security).map();
    }

    /** {@link #settings} as a fixture to change further. */
    public static SettingsFixture fixture(String smtpListener, String smtpSecurity, String pop3Listener,
                                          String pop3Security) {
        return SettingsFixture.probe(get("SENDER"), get("PROBE"), "sensor.mailtrip.test")
                .smtp(get("HOST"), get(smtpListener), smtpSecurity).with(MailSettings.SMTP_TIMEOUT, 2)
                .smtpLogin(get("SENDER"), get("SENDER_PASSWORD"))
                .pop3(get("HOST"), get(pop3Listener), pop3Security).with(POP3_TIMEOUT, 2)
                .pop3Login(get("PROBE"), get("PROBE_PASSWORD"))
                .with(POP3_INTERVAL, 1).with(MailSettings.MAX_TRIP_TIME, 10)
                .with(MailSettings.TRUST_STORE, get("TRUSTSTORE"))
                .with(MailSettings.TRUST_STORE_PASSWORD, get("TRUSTSTORE_PASSWORD"));
    }

    /**
     * The OAuth 2.0 test issuer on the port the stack's Dovecot introspects at, its token endpoint https with
     * the stack's own server certificate (so the stack's trust store checks it), with one client whose tokens
     * are for {@code user} with the scope Dovecot requires.
     */
    public static TestIssuer oauth2Issuer(String clientId, String clientSecret, String user) throws Exception {
        Path tls = Path.of(get("DIR"), "tls");
        TestIssuer issuer = new TestIssuer(Integer.parseInt(get("OAUTH2_ISSUER_PORT")),
                Optional.of(TestIssuer.identity(tls.resolve("server.pem"), tls.resolve("server.key"))));
        issuer.client(clientId, clientSecret, user, get("OAUTH2_SCOPE"));
        return issuer;
    }

    /**
     * A round trip to and from {@code OAUTH2_PROBE} whose SMTP (submission, STARTTLS, AUTH required) and POP3
     * (STLS) legs log in with the issuer's client-credentials tokens only: no password setting at all.
     */
    public static Map<String, String> oauth2Settings(TestIssuer issuer, String clientId, String clientSecret) {
        String box = get("OAUTH2_PROBE");
        Map<String, String> raw = new LinkedHashMap<>(settings(SUBMISSION, "enforceStartTls", POP3, "enforceStartTls"));
        raw.remove("smtpPassword");
        raw.remove("pop3Password");
        raw.put("from", box);
        raw.put("to", box);
        raw.put("smtpAuth", "oauth2");
        raw.put("smtpUser", box);
        raw.put("pop3Auth", "oauth2");
        raw.put("pop3User", box);
        raw.put("oauth2Grant", "clientCredentials");
        raw.put("oauth2TokenUrl", issuer.tokenUrl().toString());
        raw.put("oauth2ClientId", clientId);
        raw.put("oauth2ClientSecret", clientSecret);
        raw.put("oauth2Scope", get("OAUTH2_SCOPE"));
        return raw;
    }

    /**
     * The earliest {@code notAfter} of the stack's server certificate and its CA, as openssl reads them from
     * the files scripts/mailstack made (not through Java, which the sensor under test uses).
     */
    public static Instant earliestCertificateExpiry() {
        Path tls = Path.of(get("CA_PEM")).getParent();
        Instant server = notAfter(tls.resolve("server.pem"));
        Instant ca = notAfter(tls.resolve("ca.pem"));
        return server.isBefore(ca) ? server : ca;
    }

    /**
     * The certificate channel of an UP run started at {@code before}: the days to
     * {@link #earliestCertificateExpiry()} when a leg used TLS, else not measured.
     */
    public static void assertCertificateDays(SensorResult result, Instant before, boolean tls) {
        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        ChannelValue days = result.channel(CertificatesSeen.CHANNEL_KEY);
        if (!tls) {
            assertThat(days.measured()).as("no TLS on either leg: not measured").isFalse();
            return;
        }
        double expected = Duration.between(before, earliestCertificateExpiry()).toMillis() / 86_400_000.0;
        assertThat(days.measured()).isTrue();
        // The stack's certificates are valid for 30 days; a run takes well under a minute (0.001 d).
        assertThat(days.value()).isCloseTo(expected, within(0.002)).isBetween(0.0, 31.0);
    }

    private static Instant notAfter(Path pem) {
        try {
            Process openssl = new ProcessBuilder("openssl", "x509", "-enddate", "-noout", "-dateopt", "iso_8601",
                    "-in", pem.toString()).redirectErrorStream(true).start();
            String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (openssl.waitFor() != 0 || !out.startsWith("notAfter=")) {
                throw new IllegalStateException("openssl could not read " + pem + ": " + out);
            }
            // notAfter=2026-12-29 13:40:00Z
            return Instant.parse(out.substring("notAfter=".length()).replace(' ', 'T'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Number of messages in a mailbox (POP3 STAT over the no-TLS listener). */
    public static int count(String user, String password) {
        return withMailbox(user, password, client -> client.status().number);
    }

    /** Deletes every message of a test mailbox, so a test starts from an empty one. */
    public static void empty(String user, String password) {
        withMailbox(user, password, client -> {
            for (POP3MessageInfo info : client.listMessages()) {
                client.deleteMessage(info.number);
            }
            return 0;
        });
    }

    private interface MailboxAction {
        int apply(POP3Client client) throws IOException;
    }

    private static int withMailbox(String user, String password, MailboxAction action) {
        POP3Client client = new POP3Client();
        client.setDefaultTimeout(5_000);
        client.setConnectTimeout(5_000);
        try {
            client.connect(get("HOST"), port(POP3_NOTLS));
            if (!client.login(user, password)) {
                throw new IllegalStateException("test login failed for " + user);
            }
            int result = action.apply(client);
            client.logout();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                client.disconnect();
            } catch (IOException ignored) {
                // test cleanup
            }
        }
    }
}
