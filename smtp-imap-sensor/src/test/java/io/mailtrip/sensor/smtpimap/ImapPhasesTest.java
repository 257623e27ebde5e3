package io.mailtrip.sensor.smtpimap;

import io.mailtrip.sensor.smtpimap.fake.FakeImapServer;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.probe.ProbeStamp;
import io.mailtrip.mailkit.tls.TlsMode;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IMAP phases (login, wait, find, delete, sweep) against the scripted fake server. */
class ImapPhasesTest {

    private final ImapTestKit kit = ImapTestKit.create();

    static String probeHeader(ProbeStamp stamp) {
        return "Subject: Roundtrip Mail: {" + stamp.guid() + "}\r\nX-Mailtrip-Probe: " + stamp.headerValue()
                + "\r\nFrom: <a@b>\r\n";
    }

    static ProbeStamp stamp(String guid, long sent) {
        return ImapTestKit.probe(guid, sent).stamp();
    }

    private ImapSession login(FakeImapServer server, TlsMode tls) throws PhaseFailure {
        try {
            return kit.login(ImapTestKit.config("127.0.0.1", server.port(), tls, true), ImapTestKit.trust());
        } catch (PhaseFailure e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void authenticatePlainWithInitialResponseWhenOffered() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain(); ImapSession session = login(server, TlsMode.NONE)) {
            assertThat(session.offers("UIDPLUS")).isTrue();
            assertThat(server.received()).anyMatch(l -> l.matches("m\\d+ AUTHENTICATE PLAIN \\S+"))
                    .noneMatch(l -> l.contains(" LOGIN "));
            assertThat(String.join("\n", kit.trace())).contains("AUTHENTICATE PLAIN ******").doesNotContain("Pr0be");
        }
    }

    @Test
    void authenticatePlainAnswersTheContinuationWithoutSaslIr() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain().capabilities("IMAP4rev1", "AUTH=PLAIN", "UIDPLUS");
             ImapSession session = login(server, TlsMode.NONE)) {
            assertThat(server.received()).anyMatch(l -> l.matches("m\\d+ AUTHENTICATE PLAIN"));
        }
    }

    @Test
    void loginWhenNoAuthPlainIsOffered() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain().capabilities("IMAP4rev1", "UIDPLUS");
             ImapSession session = login(server, TlsMode.NONE)) {
            assertThat(server.received()).anyMatch(l -> l.matches("m\\d+ LOGIN \"probe\" \"Pr0be-secret\""));
            assertThat(String.join("\n", kit.trace())).contains("LOGIN \"probe\" ******").doesNotContain("Pr0be-secret");
        }
    }

    @Test
    void neverLoginWhenLoginDisabled() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain().capabilities("IMAP4rev1", "LOGINDISABLED")) {
            assertThatThrownBy(() -> login(server, TlsMode.START_TLS_IF_AVAILABLE)).isInstanceOf(PhaseFailure.class)
                    .hasMessage("IMAP 127.0.0.1:" + server.port() + " LOGIN: server announces LOGINDISABLED and offers"
                            + " no AUTH=PLAIN; use imapSecurity=enforceStartTls or enforceTls; no password sent");
            assertThat(server.received()).noneMatch(l -> l.contains("LOGIN") || l.contains("AUTHENTICATE"));
        }
    }

    @Test
    void startTlsReadsCapabilitiesAgainAndLogsInUnderTls() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain().offerStartTls();
             ImapSession session = login(server, TlsMode.ENFORCE_START_TLS)) {
            List<String> received = server.received();
            assertThat(received.get(0)).matches("m\\d+ CAPABILITY");
            assertThat(received.get(1)).endsWith(" STARTTLS");
            assertThat(received.get(2)).matches("TLS:m\\d+ CAPABILITY");
            assertThat(received.get(3)).matches("TLS:m\\d+ AUTHENTICATE PLAIN \\S+");
            assertThat(session.encrypted()).isTrue();
        }
    }

    @Test
    void enforceStartTlsWithoutStartTlsSendsNoPassword() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain()) {
            assertThatThrownBy(() -> login(server, TlsMode.ENFORCE_START_TLS))
                    .hasMessage("IMAP 127.0.0.1:" + server.port() + " STARTTLS: server does not offer STARTTLS"
                            + " (imapSecurity=enforceStartTls); nothing sent in clear");
            assertThat(server.received()).noneMatch(l -> l.contains("AUTHENTICATE") || l.contains("LOGIN"));
        }
    }

    @Test
    void implicitTls() throws Exception {
        try (FakeImapServer server = FakeImapServer.implicitTls(); ImapSession session = login(server, TlsMode.ENFORCE_TLS)) {
            assertThat(session.encrypted()).isTrue();
        }
    }

    @Test
    void findsConfirmsAndExpungesOnlyTheProbe() throws Exception {
        ProbeMessage probe = ImapTestKit.probe("AAAA-1", System.currentTimeMillis());
        try (FakeImapServer server = FakeImapServer.plain()) {
            long foreignDeleted = server.add("Subject: flagged by someone else\r\n", "\\Deleted");
            // Quotes the GUID in its probe header but its subject disagrees: not ours.
            long lookalike = server.add("Subject: hello\r\nX-Mailtrip-Probe: " + probe.stamp().headerValue() + "\r\n");
            long uid = server.add(probeHeader(probe.stamp()));
            try (ImapSession session = login(server, TlsMode.NONE)) {
                ImapWait.Arrival arrival = new ImapWait(ImapTestKit.config("127.0.0.1", server.port(), TlsMode.NONE, true),
                        ImapTestKit.rule()).await(session, probe, System.nanoTime());
                assertThat(arrival.found()).extracting(ImapFind.Found::uid).containsExactly(uid);
                assertThat(ImapDelete.remove(session, uid, Optional.empty())).isEqualTo(ImapDelete.Removal.EXPUNGED);
            }
            assertThat(server.folder()).extracting(FakeImapServer.Message::uid).containsExactly(foreignDeleted, lookalike);
            assertThat(server.received()).anyMatch(l -> l.matches("m\\d+ UID STORE " + uid + " \\+FLAGS\\.SILENT \\(\\\\Deleted\\)"))
                    .anyMatch(l -> l.matches("m\\d+ UID EXPUNGE " + uid))
                    .noneMatch(l -> l.matches("m\\d+ (EXPUNGE|CLOSE).*"))
                    .allMatch(l -> !l.contains("FETCH") || l.contains("BODY.PEEK[HEADER.FIELDS (SUBJECT X-MAILTRIP-PROBE)]"));
        }
    }

    @Test
    void withoutUidplusMovesWhenAFolderIsSetElseLeavesFlagged() throws Exception {
        try (FakeImapServer server = FakeImapServer.plain().capabilities("IMAP4rev1", "AUTH=PLAIN", "MOVE")) {
            long moved = server.add(probeHeader(stamp("B-1", 1)));
            long flagged = server.add(probeHeader(stamp("B-2", 1)));
            try (ImapSession session = login(server, TlsMode.NONE)) {
                assertThat(ImapDelete.remove(session, moved, Optional.of("Trash"))).isEqualTo(ImapDelete.Removal.MOVED);
                assertThat(ImapDelete.remove(session, flagged, Optional.empty()))
                        .isEqualTo(ImapDelete.Removal.LEFT_FLAGGED);
            }
            assertThat(server.folder()).singleElement().satisfies(m -> {
                assertThat(m.uid()).isEqualTo(flagged);
                assertThat(m.flags()).contains("\\Deleted");
            });
            assertThat(server.received()).anyMatch(l -> l.matches("m\\d+ UID MOVE " + moved + " \"Trash\""))
                    .noneMatch(l -> l.contains("EXPUNGE"));
        }
    }

    @Test
    void idleReactsToExistsAtOnce() throws Exception {
        ProbeMessage probe = ImapTestKit.probe("C-1", System.currentTimeMillis());
        try (FakeImapServer server = FakeImapServer.plain(); ImapSession session = login(server, TlsMode.NONE)) {
            long accepted = System.nanoTime();
            CompletableFuture<Long> delivered = CompletableFuture.supplyAsync(() -> {
                try {
                    // Inside the pause from 750 to 1550 ms after the start (50, 100, 200, 400, 800 ms pauses).
                    Thread.sleep(1000);
                    server.deliverWhileIdling(probeHeader(probe.stamp()));
                    return System.nanoTime();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ImapWait.Arrival arrival = new ImapWait(ImapTestKit.config("127.0.0.1", server.port(), TlsMode.NONE, true),
                        ImapTestKit.rule()).await(session, probe, accepted);
            long found = System.nanoTime();
            assertThat(arrival.idled()).isTrue();
            assertThat(arrival.checks()).isGreaterThanOrEqualTo(2);
            // Well before the pause's end (hundreds of ms later): the EXISTS ended the wait, not the timer.
            assertThat(TimeUnit.NANOSECONDS.toMillis(found - delivered.get())).isLessThan(300);
            assertThat(server.received()).anyMatch(l -> l.matches("m\\d+ IDLE")).contains("DONE");
        }
    }

    @Test
    void pollsWhenTheServerOffersNoIdle() throws Exception {
        ProbeMessage probe = ImapTestKit.probe("D-1", System.currentTimeMillis());
        try (FakeImapServer server = FakeImapServer.plain().capabilities("IMAP4rev1", "AUTH=PLAIN", "UIDPLUS");
             ImapSession session = login(server, TlsMode.NONE)) {
            CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    server.add(probeHeader(probe.stamp()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ImapWait.Arrival arrival = new ImapWait(ImapTestKit.config("127.0.0.1", server.port(), TlsMode.NONE, true),
                        ImapTestKit.rule()).await(session, probe, System.nanoTime());
            assertThat(arrival.idled()).isFalse();
            assertThat(arrival.checks()).isGreaterThan(2);
            assertThat(server.received()).noneMatch(l -> l.endsWith(" IDLE"));
            assertThat(kit.trace()).contains("server offers no IDLE; polling instead (imapWait=idle)");
        }
    }

    @Test
    void sweepRemovesOnlyOwnStaleProbes() throws Exception {
        long now = System.currentTimeMillis();
        try (FakeImapServer server = FakeImapServer.plain()) {
            long stale = server.add(probeHeader(stamp("E-OLD", now - 3_600_000)));
            long fresh = server.add(probeHeader(stamp("E-FRESH", now)));
            long current = server.add(probeHeader(stamp("E-CURRENT", now - 3_600_000)));
            long other = server.add(probeHeader(new ProbeStamp(ImapCatalogue.SENSOR_ID, "ffffffffffffffff", "E-OTHER",
                    now - 3_600_000)));
            try (ImapSession session = login(server, TlsMode.NONE)) {
                ImapSweep.Swept swept = ImapSweep.run(session, ImapTestKit.rule(),
                        ImapTestKit.probe("E-CURRENT", now), Optional.empty());
                assertThat(swept.removed()).isEqualTo(1);
            }
            assertThat(server.folder()).extracting(FakeImapServer.Message::uid).containsExactly(fresh, current, other)
                    .doesNotContain(stale);
        }
    }
}
