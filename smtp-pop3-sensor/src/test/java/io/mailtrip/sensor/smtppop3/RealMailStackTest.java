package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.sensor.smtppop3.testkit.MailStack;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.mailtrip.sensor.smtppop3.testkit.MailStack.POP3;
import static io.mailtrip.sensor.smtppop3.testkit.MailStack.POP3S;
import static io.mailtrip.sensor.smtppop3.testkit.MailStack.POP3_NOTLS;
import static io.mailtrip.sensor.smtppop3.testkit.MailStack.SMTP;
import static io.mailtrip.sensor.smtppop3.testkit.MailStack.SMTPS;
import static io.mailtrip.sensor.smtppop3.testkit.MailStack.SMTPS_WRONGHOST;
import static io.mailtrip.sensor.smtppop3.testkit.MailStack.SMTP_AUTH;
import static io.mailtrip.sensor.smtppop3.testkit.MailStack.SMTP_NOTLS;
import static io.mailtrip.sensor.smtppop3.testkit.MailStack.SUBMISSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sensor against real Postfix and Dovecot ({@code scripts/mailstack}): every TLS mode against every
 * listener on both legs, SMTP AUTH mechanisms, APOP, certificate and host-name checks, foreign mail.
 */
class RealMailStackTest {

    private static final List<String> FIGURES = new ArrayList<>();

    @BeforeEach
    void emptyProbeMailbox() {
        MailStack.require();
        // A failed run leaves its probe behind; start every test from an empty probe mailbox.
        MailStack.empty(MailStack.get("PROBE"), MailStack.get("PROBE_PASSWORD"));
    }

    @AfterAll
    static void printFigures() {
        if (!FIGURES.isEmpty()) {
            System.out.println("Real mail stack round trips (Postfix + Dovecot on loopback), channels in ms:");
            FIGURES.forEach(line -> System.out.println("  " + line));
        }
    }

    private static SensorResult run(String label, Map<String, String> settings) {
        SensorResult result = Sensors.runOnce(settings);
        if (result.status() == Status.UP) {
            FIGURES.add(String.format(Locale.ROOT, "%-48s smtp=%8.3f pop3=%8.3f total=%8.3f", label,
                    result.channel("smtp").value(), result.channel("pop3").value(), result.channel("total").value()));
        }
        return result;
    }

    private static String trace(SensorResult result) {
        return result.message() + "\n" + String.join("\n", result.details());
    }

    @ParameterizedTest(name = "smtpSecurity={0} on {1} -> {2}")
    @CsvSource({
            // mode, listener, expected status, text in the message (or the trace for UP)
            "startTlsIfAvailable, SMTP_PORT,       UP,   TLS established",
            "startTlsIfAvailable, SMTP_NOTLS_PORT, UP,   does not offer STARTTLS; continuing in clear",
            "startTlsIfAvailable, SMTP_AUTH_PORT,  UP,   TLS established",
            "startTlsIfAvailable, SMTPS_PORT,      DOWN, greeting: no answer within 2 s",
            "startTlsIfAvailable, SUBMISSION_PORT, UP,   TLS established",
            "tlsIfAvailable,      SMTP_PORT,       UP,   does not speak TLS on this port; reconnecting in clear",
            "tlsIfAvailable,      SMTP_NOTLS_PORT, UP,   does not speak TLS on this port; reconnecting in clear",
            "tlsIfAvailable,      SMTP_AUTH_PORT,  UP,   does not speak TLS on this port; reconnecting in clear",
            "tlsIfAvailable,      SMTPS_PORT,      UP,   message accepted",
            "tlsIfAvailable,      SUBMISSION_PORT, DOWN, server offers no usable AUTH mechanism",
            "enforceStartTls,     SMTP_PORT,       UP,   TLS established",
            "enforceStartTls,     SMTP_NOTLS_PORT, DOWN, server does not offer STARTTLS (smtpSecurity=enforceStartTls); nothing sent in clear",
            "enforceStartTls,     SMTP_AUTH_PORT,  UP,   TLS established",
            "enforceStartTls,     SMTPS_PORT,      DOWN, greeting: no answer within 2 s",
            "enforceStartTls,     SUBMISSION_PORT, UP,   TLS established",
            "enforceTls,          SMTP_PORT,       DOWN, server does not speak TLS on this port",
            "enforceTls,          SMTP_NOTLS_PORT, DOWN, server does not speak TLS on this port",
            "enforceTls,          SMTP_AUTH_PORT,  DOWN, server does not speak TLS on this port",
            "enforceTls,          SMTPS_PORT,      UP,   message accepted",
            "enforceTls,          SUBMISSION_PORT, DOWN, server does not speak TLS on this port",
            "none,                SMTP_PORT,       UP,   message accepted",
            "none,                SMTP_NOTLS_PORT, UP,   message accepted",
            "none,                SMTP_AUTH_PORT,  UP,   message accepted",
            "none,                SMTPS_PORT,      DOWN, greeting: no answer within 2 s",
            "none,                SUBMISSION_PORT, DOWN, server offers no usable AUTH mechanism",
    })
    void smtpSecurityAgainstEveryListener(String mode, String listener, Status expected, String text) {
        SensorResult result = run("smtp " + mode + " @ " + listener,
                MailStack.settings(listener, mode, POP3S, "enforceTls"));

        assertThat(result.status()).as(trace(result)).isEqualTo(expected);
        if (expected == Status.UP) {
            assertThat(result.details()).as(trace(result)).anyMatch(line -> line.contains(text));
            assertThat(MailStack.count(MailStack.get("PROBE"), MailStack.get("PROBE_PASSWORD")))
                    .as("the probe was deleted").isZero();
        } else {
            assertThat(result.phase()).isEqualTo("smtp");
            assertThat(result.message()).contains(text);
            // In clear, after a refused or missing TLS, no credential and no envelope went out.
            if (mode.startsWith("enforce")) {
                assertThat(result.details()).noneMatch(line -> line.startsWith("smtp> AUTH"))
                        .noneMatch(line -> line.startsWith("smtp> MAIL"));
            }
        }
    }

    @ParameterizedTest(name = "pop3Security={0} on {1} -> {2}")
    @CsvSource({
            "startTlsIfAvailable, POP3_PORT,       UP,   TLS established",
            "startTlsIfAvailable, POP3_NOTLS_PORT, UP,   does not offer STLS; continuing in clear",
            "startTlsIfAvailable, POP3S_PORT,      DOWN, greeting: no answer within 2 s",
            "tlsIfAvailable,      POP3_PORT,       UP,   does not speak TLS on this port; reconnecting in clear",
            "tlsIfAvailable,      POP3_NOTLS_PORT, UP,   does not speak TLS on this port; reconnecting in clear",
            "tlsIfAvailable,      POP3S_PORT,      UP,   probe found",
            "enforceStartTls,     POP3_PORT,       UP,   TLS established",
            "enforceStartTls,     POP3_NOTLS_PORT, DOWN, server does not offer STLS (pop3Security=enforceStartTls); nothing sent in clear",
            "enforceStartTls,     POP3S_PORT,      DOWN, greeting: no answer within 2 s",
            "enforceTls,          POP3_PORT,       DOWN, server does not speak TLS on this port",
            "enforceTls,          POP3_NOTLS_PORT, DOWN, server does not speak TLS on this port",
            "enforceTls,          POP3S_PORT,      UP,   probe found",
            "none,                POP3_PORT,       UP,   probe found",
            "none,                POP3_NOTLS_PORT, UP,   probe found",
            "none,                POP3S_PORT,      DOWN, greeting: no answer within 2 s",
    })
    void pop3SecurityAgainstEveryListener(String mode, String listener, Status expected, String text) {
        SensorResult result = run("pop3 " + mode + " @ " + listener,
                MailStack.settings(SMTPS, "enforceTls", listener, mode));

        assertThat(result.status()).as(trace(result)).isEqualTo(expected);
        if (expected == Status.UP) {
            assertThat(result.details()).as(trace(result)).anyMatch(line -> line.contains(text));
        } else {
            assertThat(result.phase()).isEqualTo("pop3");
            assertThat(result.message()).contains(text);
            assertThat(result.channel("smtp").measured()).as("the SMTP leg worked").isTrue();
            if (mode.startsWith("enforce")) {
                assertThat(result.details()).noneMatch(line -> line.startsWith("pop3> USER"))
                        .noneMatch(line -> line.startsWith("pop3> PASS"));
            }
        }
    }

    @ParameterizedTest(name = "AUTH {0} on {1} with {2}")
    @CsvSource({
            "plain,   SMTP_AUTH_PORT,  none,            PLAIN",
            "login,   SMTP_AUTH_PORT,  none,            LOGIN",
            "cramMd5, SMTP_AUTH_PORT,  none,            CRAM-MD5",
            "auto,    SMTP_AUTH_PORT,  none,            CRAM-MD5",
            "plain,   SUBMISSION_PORT, enforceStartTls, PLAIN",
            "login,   SUBMISSION_PORT, enforceStartTls, LOGIN",
            "cramMd5, SUBMISSION_PORT, enforceStartTls, CRAM-MD5",
            "auto,    SUBMISSION_PORT, enforceStartTls, PLAIN",
            "auto,    SMTPS_PORT,      enforceTls,      PLAIN",
    })
    void smtpAuthMechanisms(String mechanism, String listener, String mode, String onWire) {
        Map<String, String> settings = MailStack.fixture(listener, mode, POP3S, "enforceTls")
                .with(MailSettings.SMTP_AUTH_MECHANISM, mechanism).map();

        SensorResult result = run("AUTH " + onWire + " @ " + listener, settings);

        assertThat(result.status()).as(trace(result)).isEqualTo(Status.UP);
        assertThat(result.details()).contains("smtp> AUTH " + onWire).contains("smtp> ******");
        assertThat(trace(result)).doesNotContain(MailStack.get("SENDER_PASSWORD"));
    }

    @Test
    void smtpAuthIsReallyRequiredOnTheAuthListener() {
        Map<String, String> settings = MailStack.fixture(SMTP_AUTH, "none", POP3S, "enforceTls")
                .with(MailSettings.SMTP_AUTH, "none").map();

        SensorResult result = run("no AUTH", settings);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("smtp");
        assertThat(result.message()).contains("MAIL FROM: sender refused: 530");
    }

    @Test
    void wrongSmtpPasswordIsDownInPhaseSmtpAndNeverShown() {
        Map<String, String> settings = MailStack.fixture(SUBMISSION, "enforceStartTls", POP3S, "enforceTls")
                .with(MailSettings.SMTP_PASSWORD, "Wrong-Pw-55").map();

        SensorResult result = run("wrong smtp password", settings);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("smtp");
        assertThat(result.message()).contains("authentication failed for user sender@mailtrip.test: 535");
        assertThat(trace(result)).doesNotContain("Wrong-Pw-55");
    }

    @ParameterizedTest(name = "pop3Auth={0} on {1}")
    @CsvSource({
            "password, POP3_PORT,       enforceStartTls",
            "password, POP3_NOTLS_PORT, none",
            "password, POP3S_PORT,      enforceTls",
            "apop,     POP3_PORT,       enforceStartTls",
            "apop,     POP3_NOTLS_PORT, none",
            "apop,     POP3S_PORT,      enforceTls",
    })
    void pop3LoginStylesOnEveryListener(String auth, String listener, String mode) {
        Map<String, String> settings = MailStack.fixture(SMTPS, "enforceTls", listener, mode)
                .with(RoundTripCatalogue.POP3_AUTH, auth).map();

        SensorResult result = run("pop3 " + auth + " @ " + listener, settings);

        assertThat(result.status()).as(trace(result)).isEqualTo(Status.UP);
        assertThat(result.details()).anyMatch(line -> line.startsWith(auth.equals("apop") ? "pop3> APOP " : "pop3> PASS"));
        assertThat(trace(result)).doesNotContain(MailStack.get("PROBE_PASSWORD"));
    }

    @ParameterizedTest(name = "wrong pop3 password with {0}")
    @CsvSource({"password", "apop"})
    void wrongPop3PasswordIsDownInPhasePop3(String auth) {
        Map<String, String> settings = MailStack.fixture(SMTPS, "enforceTls", POP3S, "enforceTls")
                .with(RoundTripCatalogue.POP3_AUTH, auth)
                .with(RoundTripCatalogue.POP3_PASSWORD, "Wrong-Pw-66").map();

        SensorResult result = run("wrong pop3 password", settings);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("pop3");
        assertThat(result.message()).contains("login failed for user probe@mailtrip.test");
        assertThat(trace(result)).doesNotContain("Wrong-Pw-66");
    }

    @Test
    void pop3AuthNoneIsAConnectOnlyCheck() throws InterruptedException {
        Map<String, String> settings = MailStack.fixture(SMTPS, "enforceTls", POP3S, "enforceTls")
                .with(RoundTripCatalogue.POP3_AUTH, "none").map();

        SensorResult result = run("pop3Auth=none", settings);

        assertThat(result.status()).as(trace(result)).isEqualTo(Status.UP);
        assertThat(result.message()).contains("connect only, arrival not checked");
        // Delivery is asynchronous (Postfix -> LMTP -> maildir): a connect-only run can end before the
        // probe lands. Wait for it, then it must be there: nothing was fetched or deleted.
        int count = 0;
        for (int attempt = 0; attempt < 50 && count == 0; attempt++) {
            Thread.sleep(100);
            count = MailStack.count(MailStack.get("PROBE"), MailStack.get("PROBE_PASSWORD"));
        }
        assertThat(count).as("nothing was fetched or deleted").isEqualTo(1);
    }

    @Test
    void certificateFromAnUnknownCaIsDownWithAClearMessage() {
        Map<String, String> settings = MailStack.settings(SMTPS, "enforceTls", POP3S, "enforceTls");
        settings.remove("trustStore");
        settings.remove("trustStorePassword");

        SensorResult result = run("untrusted", settings);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("smtp");
        assertThat(result.message()).contains("TLS certificate not trusted (no path to a trusted CA; set trustStore)");
    }

    @ParameterizedTest(name = "verifyHostname for {0}")
    @CsvSource({"localhost", "127.0.0.1"})
    void hostNameVerificationPassesForTheNamesInTheCertificate(String host) {
        Map<String, String> settings = MailStack.fixture(SUBMISSION, "enforceStartTls", POP3, "enforceStartTls")
                .with(MailSettings.SMTP_HOST, host)
                .with(RoundTripCatalogue.POP3_HOST, host).map();

        SensorResult result = run("verifyHostname " + host, settings);

        assertThat(result.status()).as(trace(result)).isEqualTo(Status.UP);
    }

    @Test
    void hostNameMismatchIsDownUnlessVerificationIsTurnedOff() {
        Map<String, String> settings = MailStack.fixture(SMTPS_WRONGHOST, "enforceTls", POP3S, "enforceTls")
                .with(MailSettings.SMTP_HOST, "localhost").map();

        SensorResult mismatch = run("wrong host", settings);

        assertThat(mismatch.status()).isEqualTo(Status.DOWN);
        assertThat(mismatch.phase()).isEqualTo("smtp");
        assertThat(mismatch.message()).contains("TLS certificate does not match host localhost (verifyHostname=true)");

        settings.put(MailSettings.VERIFY_HOSTNAME.name(), "false");
        SensorResult unchecked = run("wrong host, verifyHostname=false", settings);
        assertThat(unchecked.status()).as(trace(unchecked)).isEqualTo(Status.UP);
    }

    @Test
    void foreignMailInTheSeededMailboxSurvivesRepeatedRoundTrips() {
        String seeded = MailStack.get("SEEDED");
        String password = MailStack.get("SEEDED_PASSWORD");
        int before = MailStack.count(seeded, password);
        assertThat(before).isEqualTo(Integer.parseInt(MailStack.get("SEEDED_COUNT")));
        Map<String, String> settings = MailStack.fixture(SMTPS, "enforceTls", POP3S, "enforceTls")
                .with(MailSettings.TO, seeded)
                .with(RoundTripCatalogue.POP3_USER, seeded)
                .with(RoundTripCatalogue.POP3_PASSWORD, password).map();

        try (Sensor sensor = Sensors.create(settings)) {
            for (int run = 0; run < 5; run++) {
                SensorResult result = sensor.run(Deadline.in(Duration.ofSeconds(30)));
                assertThat(result.status()).as(trace(result)).isEqualTo(Status.UP);
                if (run > 0) {
                    // After the first poll the seeded mails are known: only the new probe's headers are read.
                    assertThat(result.details().stream().filter(line -> line.startsWith("pop3> TOP")).count())
                            .as("TOP commands in run " + run).isLessThanOrEqualTo(1);
                }
            }
        }

        assertThat(MailStack.count(seeded, password)).isEqualTo(before);
    }
}
