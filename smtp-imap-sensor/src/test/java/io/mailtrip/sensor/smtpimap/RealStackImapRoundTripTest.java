package io.mailtrip.sensor.smtpimap;

import io.mailtrip.sensor.smtpimap.testkit.ImapSensors;
import io.mailtrip.sensor.smtppop3.testkit.MailStack;
import io.mailtrip.spi.Deadline;
import io.mailtrip.mailkit.tls.TlsMode;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sensor against real Postfix + Dovecot ({@code scripts/mailstack}): every IMAP TLS mode on the
 * STARTTLS, implicit-TLS and LOGINDISABLED listeners, IDLE and polling, and a mailbox with foreign mail
 * (one of them flagged {@code \Deleted}, not expunged), which every run must leave as it was.
 */
class RealStackImapRoundTripTest {

    /** All, \Deleted, unseen message counts of a mailbox, read without changing it (EXAMINE). */
    record Counts(int all, int deleted, int unseen) {
    }

    @BeforeEach
    void stack() {
        MailStack.require();
    }

    static Counts counts(String user, String password) throws Exception {
        ImapConfig config = ImapTestKit.config(MailStack.get("HOST"), MailStack.port("IMAPS_PORT"), TlsMode.ENFORCE_TLS,
                false, user, password);
        try (ImapSession session = ImapTestKit.create().login(config, DovecotImapTest.stackTrust())) {
            session.command("EXAMINE", "EXAMINE INBOX");
            int all = ImapText.searchUids(session.command("UID SEARCH", "UID SEARCH ALL").untagged(), 100_000).size();
            int deleted = ImapText.searchUids(session.command("UID SEARCH", "UID SEARCH DELETED").untagged(), 100_000)
                    .size();
            int unseen = ImapText.searchUids(session.command("UID SEARCH", "UID SEARCH UNSEEN").untagged(), 100_000)
                    .size();
            session.logout();
            return new Counts(all, deleted, unseen);
        }
    }

    private static Map<String, String> probeBox(String smtpListener, String smtpMode, String imapListener,
                                                String imapMode) {
        return ImapSensors.stackSettings(smtpListener, smtpMode, imapListener, imapMode, MailStack.get("IMAP_PROBE"),
                MailStack.get("IMAP_PROBE_PASSWORD"));
    }

    @ParameterizedTest(name = "SMTP {0} {1}, IMAP {2} {3}")
    @CsvSource({
        "SMTP_PORT, enforceStartTls, IMAP_PORT, enforceStartTls",
        "SUBMISSION_PORT, enforceStartTls, IMAP_PORT, startTlsIfAvailable",
        "SMTPS_PORT, enforceTls, IMAPS_PORT, enforceTls",
        "SMTPS_PORT, tlsIfAvailable, IMAPS_PORT, tlsIfAvailable",
        "SMTP_NOTLS_PORT, startTlsIfAvailable, IMAP_PORT, tlsIfAvailable",
        "SMTP_PORT, none, IMAP_PORT, none",
        "SMTP_PORT, enforceStartTls, IMAP_LOGINDISABLED_PORT, enforceStartTls",
        "SMTP_PORT, enforceStartTls, IMAP_LOGINDISABLED_PORT, startTlsIfAvailable",
    })
    void everyImapTlsMode(String smtpListener, String smtpMode, String imapListener, String imapMode) {
        SensorResult result = ImapSensors.runOnce(probeBox(smtpListener, smtpMode, imapListener, imapMode));

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(result.message()).contains(", IDLE)");
        assertThat(result.details()).anyMatch(l -> l.contains("AUTHENTICATE PLAIN ******"))
                .noneMatch(l -> l.contains(MailStack.get("IMAP_PROBE_PASSWORD")));
    }

    @Test
    void loginDisabledListenerInClearIsDownWithoutSendingThePassword() {
        SensorResult result = ImapSensors.runOnce(probeBox("SMTP_PORT", "enforceStartTls", "IMAP_LOGINDISABLED_PORT",
                "none"));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.phase()).isEqualTo("imap");
        assertThat(result.message()).endsWith(" LOGIN: server announces LOGINDISABLED and offers no AUTH=PLAIN;"
                + " use imapSecurity=enforceStartTls or enforceTls; no password sent");
    }

    @Test
    void pollingFindsTheProbeToo() {
        Map<String, String> settings = probeBox("SMTP_PORT", "enforceStartTls", "IMAPS_PORT", "enforceTls");
        settings.put("imapWait", "poll");
        SensorResult result = ImapSensors.runOnce(settings);

        assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        assertThat(result.message()).containsPattern("IMAP [0-9.]+ ms, \\d+ searches\\)");
        assertThat(result.details()).noneMatch(l -> l.matches(".*> m\\d+ IDLE"));
    }

    @Test
    void foreignMailIncludingTheDeletedFlaggedOneSurvivesEveryRun() throws Exception {
        String user = MailStack.get("IMAP_SEEDED");
        String password = MailStack.get("IMAP_SEEDED_PASSWORD");
        Counts before = counts(user, password);
        assertThat(before.deleted()).as("the seeded foreign \\Deleted mail").isEqualTo(1);
        List<String> messages = new ArrayList<>();
        for (String wait : List.of("idle", "poll")) {
            Map<String, String> settings = ImapSensors.stackSettings("SMTP_PORT", "enforceStartTls", "IMAP_PORT",
                    "enforceStartTls", user, password);
            settings.put("imapWait", wait);
            SensorResult result = ImapSensors.runOnce(settings);
            assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
            messages.add(result.message());
            assertThat(result.details()).noneMatch(l -> l.matches(".*> m\\d+ (EXPUNGE|CLOSE)\\b.*"));
        }
        assertThat(counts(user, password)).isEqualTo(before);
    }

    @Test
    void hundredRoundTripsLeaveTheForeignDeletedMailInTheFolder() throws Exception {
        String user = MailStack.get("IMAP_SEEDED");
        String password = MailStack.get("IMAP_SEEDED_PASSWORD");
        Counts before = counts(user, password);
        Map<String, String> settings = ImapSensors.stackSettings("SMTP_PORT", "enforceStartTls", "IMAP_PORT",
                "enforceStartTls", user, password);
        int up = 0;
        try (Sensor sensor = ImapSensors.create(settings)) {
            for (int i = 0; i < 100; i++) {
                SensorResult result = sensor.run(Deadline.in(sensor.budget()));
                assertThat(result.status()).as("run " + i + ": " + result.message()).isEqualTo(Status.UP);
                up++;
            }
        }
        assertThat(up).isEqualTo(100);
        Counts after = counts(user, password);
        assertThat(after).isEqualTo(before);
        assertThat(after.deleted()).isEqualTo(1);
    }
}
