package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.Watchdog;
import io.mailtrip.mailkit.tls.TlsConnector;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.mailkit.tls.TlsUpgrade;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One IMAP connection: tagged commands and their responses (RFC 9051 section 2.2), every wait bounded
 * by min(time left, imapTimeout), every server failure a {@link PhaseFailure} of phase {@code imap}
 * that names the step (through the mail kit's {@link Leg}). An untagged {@code BYE} ends the session
 * wherever it comes (RFC 9051 section 7.1.5); {@code NO} and {@code BAD} fail the step unless the caller
 * asks to see them.
 */
final class ImapSession implements AutoCloseable {

    static final String PHASE = "imap";

    /** A command's outcome: the tagged status line and the untagged responses before it. */
    record Reply(ImapWire.Response tagged, List<ImapWire.Response> untagged) {

        /** OK, NO or BAD. */
        String status() {
            return tagged.word(0);
        }

        boolean ok() {
            return status().equals("OK");
        }
    }

    private final Leg leg;
    private final ImapClient client;
    private ImapWire wire;
    private Set<String> capabilities = Set.of();
    private boolean encrypted;
    private int nextTag = 1;
    private long exists = -1;

    private ImapSession(Leg leg, ImapClient client, boolean encrypted) {
        this.leg = leg;
        this.client = client;
        this.encrypted = encrypted;
        this.wire = client.wire();
    }

    /**
     * Connects per imapSecurity (implicit TLS, or the tlsIfAvailable fallback, by the mail kit's connector,
     * which also checks the greeting) and reads CAPABILITY.
     */
    static ImapSession connect(Leg leg, TlsTrust trust) throws PhaseFailure {
        leg.trace().leg(PHASE);
        TlsConnector.Connected<ImapClient> connected = new TlsConnector<ImapClient>(leg, "imapSecurity", implicit -> {
            ImapClient client = new ImapClient(implicit, trust.context(leg.watchdog().input()));
            trust.applyTo(client);
            client.addProtocolCommandListener(leg.trace());
            return client;
        }).connect();
        ImapSession session = new ImapSession(leg, connected.client(), connected.encrypted());
        try {
            // RFC 9051 section 7.1: "* OK", "* PREAUTH" or "* BYE"; Commons Net lets "* NO" through.
            String greeting = String.join(" ", connected.client().getReplyStrings());
            if (!greeting.regionMatches(true, 0, "* OK", 0, 4) && !greeting.regionMatches(true, 0, "* PREAUTH", 0, 9)) {
                leg.step("greeting");
                throw leg.fail("greeting refused: " + OneLine.of(greeting, 120));
            }
            session.readCapabilities("CAPABILITY");
            return session;
        } catch (PhaseFailure | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    Leg leg() {
        return leg;
    }

    /**
     * Takes the session up again after another leg used the run's trace and watchdog (the SMTP leg runs
     * while this session waits logged in): its lines are IMAP's again and the deadline cuts this connection.
     */
    void resume() {
        leg.trace().leg(PHASE);
        leg.watchdog().watch(client);
    }

    boolean offers(String capability) {
        return capabilities.contains(capability.toUpperCase(Locale.ROOT));
    }

    Set<String> capabilities() {
        return capabilities;
    }

    boolean encrypted() {
        return encrypted;
    }

    /** The mailbox size from the last {@code * n EXISTS} seen, -1 before SELECT. */
    long exists() {
        return exists;
    }

    /** Asks CAPABILITY again: after STARTTLS and after login the list may change (RFC 9051 section 6.2). */
    void readCapabilities(String step) throws PhaseFailure {
        Reply reply = command(step, "CAPABILITY");
        capabilities = reply.untagged().stream().filter(r -> r.word(0).equals("CAPABILITY"))
                .flatMap(r -> Arrays.stream(r.text().split(" ")).skip(1))
                .map(word -> word.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * STARTTLS per imapSecurity (RFC 9051 section 6.2.1) through the mail kit's one upgrade algorithm;
     * afterwards the capabilities are read again, as the RFC requires.
     */
    void startTls() throws PhaseFailure {
        try {
            if (TlsUpgrade.upgrade(leg, client, "STARTTLS", "imapSecurity", offers("STARTTLS"), client::execTLS,
                    client::getReplyString)) {
                wire = client.wire();
                encrypted = true;
                readCapabilities("CAPABILITY after STARTTLS");
            }
        } catch (IOException e) {
            throw leg.failure(e);
        } catch (RuntimeException e) {
            throw cut(e);
        }
    }

    /** Runs a command that must end in OK. */
    Reply command(String step, String command) throws PhaseFailure {
        Reply reply = send(step, command, command);
        if (!reply.ok()) {
            throw refused(reply);
        }
        return reply;
    }

    /**
     * Runs a command and returns whatever tagged status it got.
     *
     * @param shown the command as the trace may show it (credentials removed)
     */
    Reply send(String step, String command, String shown) throws PhaseFailure {
        String tag = newTag();
        sendLine(step, tag + " " + command, tag + " " + shown);
        return collect(tag);
    }

    /** Reads responses up to the one tagged {@code tag}, bounded by imapTimeout. */
    Reply collect(String tag) throws PhaseFailure {
        List<ImapWire.Response> untagged = new ArrayList<>();
        arm();
        while (true) {
            ImapWire.Response response = next();
            if (response.tag().equals(tag)) {
                return new Reply(response, untagged);
            }
            if (response.continuation()) {
                throw leg.fail("unexpected continuation request: " + OneLine.of(response.shown(), 100));
            }
            if (!response.untagged()) {
                throw leg.fail("response with a tag never sent: " + OneLine.of(response.shown(), 100));
            }
            untagged.add(response);
        }
    }

    /** The next response, within the socket timeout set before ({@link #arm()}). */
    ImapWire.Response next() throws PhaseFailure {
        try {
            return read();
        } catch (IOException e) {
            throw leg.failure(e);
        }
    }

    /**
     * The next response, waiting at most {@code wait} (still capped by the run deadline); empty when none
     * came in that time. For IDLE, where silence is the normal case.
     */
    Optional<ImapWire.Response> nextWithin(Duration wait) throws PhaseFailure {
        try {
            client.setSoTimeout(leg.deadline().capMillis(wait));
            return Optional.of(read());
        } catch (SocketTimeoutException e) {
            if (leg.watchdog().fired()) {
                throw leg.deadlineReached();
            }
            return Optional.empty();
        } catch (IOException e) {
            throw leg.failure(e);
        } catch (RuntimeException e) {
            throw cut(e);
        }
    }

    /**
     * Reads one response. An untagged BYE ends the session (it may come at any time, RFC 9051 section
     * 7.1.5) except as the answer to LOGOUT.
     */
    private ImapWire.Response read() throws IOException, PhaseFailure {
        ImapWire.Response response;
        try {
            response = wire.read();
        } catch (ImapWire.Limit | ImapWire.Malformed e) {
            throw leg.fail(e.getMessage());
        } catch (RuntimeException e) {
            throw cut(e);
        }
        client.traceReceived(response.shown());
        if (response.untagged()) {
            if (response.word(0).equals("BYE") && !leg.step().equals("LOGOUT")) {
                throw leg.fail("server closed the session: " + OneLine.of(response.shown(), 120));
            }
            if (response.word(1).equals("EXISTS")) {
                exists = parseCount(response.word(0));
            }
        }
        return response;
    }

    /** Writes a line: a tagged command, a SASL response or IDLE's DONE. */
    void sendLine(String step, String line, String shown) throws PhaseFailure {
        leg.step(step);
        try {
            client.traceSent(shown);
            wire.send(line);
        } catch (IOException e) {
            throw leg.failure(e);
        } catch (RuntimeException e) {
            throw cut(e);
        }
    }

    String newTag() {
        return "m" + nextTag++;
    }

    /** Socket timeout for the next read: min(time left, imapTimeout). */
    void arm() throws PhaseFailure {
        try {
            leg.arm(client);
        } catch (IOException e) {
            throw leg.failure(e);
        } catch (RuntimeException e) {
            throw cut(e);
        }
    }

    /** LOGOUT (RFC 9051 section 6.1.3); failures here no longer matter to the result. */
    void logout() {
        try {
            send("LOGOUT", "LOGOUT", "LOGOUT");
        } catch (PhaseFailure ignored) {
            // The work is done; a server that drops the line at LOGOUT changes nothing.
        }
    }

    /**
     * Commons Net throws NullPointerException once the watchdog has closed its socket; that is the run
     * deadline. Anything else unexpected is a bug and goes up as it is.
     */
    private PhaseFailure cut(RuntimeException e) {
        if (leg.watchdog().fired()) {
            return leg.deadlineReached();
        }
        throw e;
    }

    PhaseFailure refused(Reply reply) {
        return leg.fail(OneLine.of(reply.tagged().text(), 120));
    }

    private long parseCount(String word) throws PhaseFailure {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw leg.fail("EXISTS without a number: " + OneLine.of(word, 40));
        }
    }

    @Override
    public void close() {
        Watchdog.closeQuietly(client);
    }
}
