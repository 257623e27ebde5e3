package io.mailtrip.sensor.smtpimap;

import io.mailtrip.sensor.smtppop3.testkit.MailStack;

import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.probe.ProbeStamp;
import io.mailtrip.mailkit.tls.TlsMode;
import org.apache.commons.net.smtp.SMTPClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The IMAP phases against the real Dovecot of {@code scripts/mailstack}: STARTTLS, implicit TLS, the
 * LOGINDISABLED listener, AUTHENTICATE PLAIN, IDLE on a real delivery through Postfix, and the foreign
 * {@code \Deleted} mail of the seeded mailbox, which must survive.
 */
class DovecotImapTest {

    private final ImapTestKit kit = ImapTestKit.create();

    @BeforeEach
    void stack() {
        MailStack.require();
    }

    static io.mailtrip.mailkit.tls.TlsTrust stackTrust() {
        return ImapTestKit.trust(Path.of(MailStack.get("TRUSTSTORE")), MailStack.get("TRUSTSTORE_PASSWORD"));
    }

    static ImapConfig config(String host, String listener, TlsMode tls, String user, String password, boolean idle) {
        return ImapTestKit.config(host, MailStack.port(listener), tls, idle, user, password);
    }

    private ImapSession open(ImapConfig config) throws Exception {
        return kit.login(config, stackTrust());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "IMAP_PORT, startTlsIfAvailable, true",
        "IMAP_PORT, enforceStartTls, true",
        "IMAP_PORT, none, false",
        "IMAPS_PORT, enforceTls, true",
        "IMAPS_PORT, tlsIfAvailable, true",
        "IMAP_PORT, tlsIfAvailable, false",
        "IMAP_LOGINDISABLED_PORT, enforceStartTls, true",
    })
    void logsInWithEveryMode(String listener, String mode, boolean encrypted) throws Exception {
        String host = listener.startsWith("IMAP_LOGINDISABLED") ? MailStack.get("IMAP_LOGINDISABLED_HOST")
                : MailStack.get("HOST");
        try (ImapSession session = open(config(host, listener, java.util.Arrays.stream(TlsMode.values()).filter(m -> m.key().equals(mode)).findFirst().orElseThrow(), MailStack.get("IMAP_PROBE"),
                MailStack.get("IMAP_PROBE_PASSWORD"), true))) {
            assertThat(session.encrypted()).isEqualTo(encrypted);
            assertThat(session.capabilities()).contains("IDLE", "UIDPLUS", "MOVE");
        }
        assertThat(kit.trace()).anyMatch(l -> l.contains("AUTHENTICATE PLAIN ******"))
                .noneMatch(l -> l.contains("Imap-Pw"));
    }

    @Test
    void loginDisabledListenerRefusesInClear() {
        String host = MailStack.get("IMAP_LOGINDISABLED_HOST");
        assertThatThrownBy(() -> open(config(host, "IMAP_LOGINDISABLED_PORT", TlsMode.NONE,
                MailStack.get("IMAP_PROBE"), MailStack.get("IMAP_PROBE_PASSWORD"), true)))
                .isInstanceOf(PhaseFailure.class)
                .hasMessage("IMAP " + host + ":" + MailStack.get("IMAP_LOGINDISABLED_PORT") + " LOGIN: server announces"
                        + " LOGINDISABLED and offers no AUTH=PLAIN; use imapSecurity=enforceStartTls or enforceTls;"
                        + " no password sent");
    }

    @Test
    void wrongPasswordIsALoginFailure() {
        assertThatThrownBy(() -> open(config(MailStack.get("HOST"), "IMAP_PORT", TlsMode.ENFORCE_START_TLS,
                MailStack.get("IMAP_PROBE"), "wrong", true)))
                .hasMessageContaining(" AUTHENTICATE PLAIN: login failed for user " + MailStack.get("IMAP_PROBE"));
    }

    @Test
    void idleSeesARealDeliveryAndTheForeignDeletedMailSurvives() throws Exception {
        String user = MailStack.get("IMAP_SEEDED");
        ImapConfig config = config(MailStack.get("HOST"), "IMAPS_PORT", TlsMode.ENFORCE_TLS, user,
                MailStack.get("IMAP_SEEDED_PASSWORD"), true);
        ProbeMessage probe = ImapTestKit.probe(java.util.UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT),
                System.currentTimeMillis());
        try (ImapSession session = open(config)) {
            long before = session.exists();
            long accepted = send(user, probe.stamp());
            ImapWait.Arrival arrival = new ImapWait(config, ImapTestKit.rule()).await(session, probe, accepted);
            assertThat(arrival.idled()).isTrue();
            assertThat(arrival.found()).hasSize(1);
            assertThat(ImapDelete.remove(session, arrival.found().get(0).uid(), Optional.empty()))
                    .isEqualTo(ImapDelete.Removal.EXPUNGED);
            ImapSession.Reply deleted = session.command("UID SEARCH", "UID SEARCH DELETED");
            assertThat(ImapText.searchUids(deleted.untagged(), 10)).hasSize(1);
            ImapSession.Reply all = session.command("UID SEARCH", "UID SEARCH ALL");
            assertThat((long) ImapText.searchUids(all.untagged(), 100).size()).isEqualTo(before);
            ImapSession.Reply unseen = session.command("UID SEARCH", "UID SEARCH UNSEEN");
            assertThat(ImapText.searchUids(unseen.untagged(), 10)).as("foreign unread mail stays unread").hasSize(1);
            session.logout();
        }
        assertThat(kit.trace()).noneMatch(l -> l.matches("imap> m\\d+ (EXPUNGE|CLOSE)"));
    }

    /** Sends a probe-shaped mail through Postfix (no TLS, no AUTH): returns when it was accepted. */
    static long send(String to, ProbeStamp probe) throws Exception {
        SMTPClient smtp = new SMTPClient();
        smtp.setDefaultTimeout(5_000);
        smtp.connect(MailStack.get("HOST"), MailStack.port("SMTP_NOTLS_PORT"));
        try {
            smtp.helo("test.mailtrip.test");
            assertThat(smtp.sendSimpleMessage(MailStack.get("SENDER"), to, "Subject: Roundtrip Mail: {" + probe.guid()
                    + "}\r\nX-Mailtrip-Probe: " + probe.headerValue() + "\r\nFrom: <" + MailStack.get("SENDER")
                    + ">\r\n\r\nprobe\r\n")).isTrue();
            return System.nanoTime();
        } finally {
            smtp.disconnect();
        }
    }
}
