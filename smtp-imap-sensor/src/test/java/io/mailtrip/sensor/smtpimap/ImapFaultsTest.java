package io.mailtrip.sensor.smtpimap;

import io.mailtrip.sensor.smtpimap.fake.FakeImapServer;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.tls.TlsMode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each server fault is a PhaseFailure of phase imap that names the step; the fake server stays safe. */
class ImapFaultsTest {

    private final ImapTestKit kit = ImapTestKit.create();

    /** Login, wait for a probe that is there (or not), delete it: the whole IMAP leg. */
    private void leg(FakeImapServer server) throws Exception {
        ImapConfig config = ImapTestKit.config("127.0.0.1", server.port(), TlsMode.NONE, true);
        try (ImapSession session = kit.login(config, ImapTestKit.trust())) {
            ImapWait.Arrival arrival = new ImapWait(config, ImapTestKit.rule())
                    .await(session, ImapTestKit.probe("F-1", System.currentTimeMillis()), System.nanoTime());
            ImapDelete.remove(session, arrival.found().get(0).uid(), Optional.empty());
        }
    }

    private static FakeImapServer withProbe() throws Exception {
        FakeImapServer server = FakeImapServer.plain();
        server.add("Subject: foreign\r\n", "\\Deleted");
        server.add(ImapPhasesTest.probeHeader(ImapTestKit.probe("F-1", System.currentTimeMillis()).stamp()));
        return server;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "greeting|* BYE too busy|greeting: malformed server reply (Received unexpected IMAP protocol response from"
                + " server: '* BYE too busy'.)",
        "greeting|* NO go away|greeting: greeting refused: * NO go away",
        "CAPABILITY|{tag} BAD what|CAPABILITY: BAD what",
        "CAPABILITY|* BYE shutting down|CAPABILITY: server closed the session: * BYE shutting down",
        "AUTHENTICATE|{tag} NO [AUTHENTICATIONFAILED] wrong|AUTHENTICATE PLAIN: login failed for user probe: NO [AUTHENTICATIONFAILED] wrong",
        "SELECT|{tag} NO no such folder|SELECT: NO no such folder",
        "SELECT|* BYE autologout|SELECT: server closed the session: * BYE autologout",
        "UID SEARCH|{tag} BAD parse error|UID SEARCH: BAD parse error",
        "UID SEARCH|* SEARCH x1{nl}{tag} OK|UID SEARCH: not a UID: x1",
        "UID SEARCH|zz9 OK strange|UID SEARCH: response with a tag never sent: zz9 OK strange",
        "UID FETCH|{tag} NO gone|UID FETCH: NO gone",
        "UID FETCH|* 2 FETCH (UID 2 BODY[HEADER.FIELDS (SUBJECT)] {999999999}|UID FETCH: literal of 999999999 bytes exceeds 65536 bytes",
        "UID STORE|{tag} NO read-only|UID STORE: NO read-only",
        "UID EXPUNGE|{tag} BAD no UIDPLUS after all|UID EXPUNGE: BAD no UIDPLUS after all",
        "UID EXPUNGE|CLOSE|UID EXPUNGE: server closed the connection",
    })
    void faultNamesTheStep(String step, String reply, String expected) throws Exception {
        try (FakeImapServer server = withProbe().respond(step, reply)) {
            assertThatThrownBy(() -> leg(server)).isInstanceOf(PhaseFailure.class)
                    .satisfies(e -> assertThat(((PhaseFailure) e).phase()).isEqualTo("imap"))
                    .hasMessageStartingWith("IMAP 127.0.0.1:" + server.port() + " " + expected);
            assertThat(server.folder()).anyMatch(m -> m.flags().contains("\\Deleted"));
            assertThat(server.received()).noneMatch(l -> l.matches("\\S+ (EXPUNGE|CLOSE)"));
        }
    }

    /** The mail kit's peer limits hold under the IMAP reader: lines per reply and bytes per line. */
    @Test
    void tooManyUntaggedResponses() throws Exception {
        try (FakeImapServer server = withProbe().respond("UID SEARCH", "* 1 EXISTS\n".repeat(10_001) + "{tag} OK")) {
            assertThatThrownBy(() -> leg(server))
                    .hasMessage("IMAP 127.0.0.1:" + server.port() + " UID SEARCH: reply exceeds 1000 lines");
        }
    }

    @Test
    void endlessResponseLine() throws Exception {
        try (FakeImapServer server = withProbe().respond("UID SEARCH", "* SEARCH " + "1 ".repeat(40_000))) {
            assertThatThrownBy(() -> leg(server))
                    .hasMessage("IMAP 127.0.0.1:" + server.port() + " UID SEARCH: reply line exceeds 65536 bytes");
        }
    }

    @Test
    void idleThatNeverSendsIdlingTimesOut() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain().stallAt("IDLE")) {
            assertThatThrownBy(() -> leg(server))
                    .hasMessage("IMAP 127.0.0.1:" + server.port() + " IDLE: no answer within 3 s (timeout)");
        }
    }

    @Test
    void idleRefused() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain().respond("IDLE", "{tag} BAD no idling here")) {
            assertThatThrownBy(() -> leg(server))
                    .hasMessageStartingWith("IMAP 127.0.0.1:" + server.port() + " IDLE: IDLE refused: ");
        }
    }

    @Test
    void serverDroppingMidIdle() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain().dropInIdle()) {
            assertThatThrownBy(() -> leg(server))
                    .hasMessageStartingWith("IMAP 127.0.0.1:" + server.port() + " IDLE: server closed the connection");
        }
    }

    @Test
    void probeThatNeverComesEndsAtMaxTripTime() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain()) {
            ImapConfig config = new ImapConfig(ImapTestKit.config("127.0.0.1", server.port(), TlsMode.NONE, true)
                    .endpoint(), ImapTestKit.config("h", 1, TlsMode.NONE, true).login(), "INBOX", true,
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Optional.empty());
            long start = System.nanoTime();
            try (ImapSession session = kit.login(config, ImapTestKit.trust())) {
                assertThatThrownBy(() -> new ImapWait(config, ImapTestKit.rule())
                        .await(session, ImapTestKit.probe("G-1", System.currentTimeMillis()), System.nanoTime()))
                        .hasMessageStartingWith("IMAP 127.0.0.1:" + server.port()
                                + " waiting for the probe: probe not received within maxTripTime 1 s");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
