package io.mailtrip.sensor.smtpimap;

import io.mailtrip.spi.Deadline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.net.MalformedServerReplyException;

/**
 * One IMAP connection: tagged commands and their responses (RFC 9051 section 2.2), every wait bounded
 * by min(time left, imapTimeout), every server failure a {@link PhaseFailure} of phase {@code imap}
 * that names the step. An untagged {@code BYE} ends the session wherever it comes (RFC 9051 section
 * 7.1.5); {@code NO} and {@code BAD} fail the step unless the caller asks to see them.
 */
final class ImapSession implements AutoCloseable {

    static final String PHASE = "imap";
    private static final Pattern REFUSED_GREETING = Pattern.compile("response from server: '(.*)'");

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

    private final Endpoint endpoint;
    private final Hooks hooks;
    private final Deadline deadline;
    private final ImapClient client;
    private ImapWire wire;
    private Set<String> capabilities = Set.of();
    private boolean encrypted;
    private int nextTag = 1;
    private String step = "connect";
    private long exists = -1;

    private ImapSession(Endpoint endpoint, Hooks hooks, Deadline deadline, ImapClient client, boolean encrypted) {
        this.endpoint = endpoint;
        this.hooks = hooks;
        this.deadline = deadline;
        this.client = client;
        this.encrypted = encrypted;
        this.wire = client.wire();
    }

    /** Connects (implicit TLS per mode) and checks the greeting; Commons Net reads the greeting line. */
    static ImapSession connect(Endpoint endpoint, Hooks hooks, Deadline deadline) throws PhaseFailure {
        boolean implicit = endpoint.tls().implicit();
        ImapClient client = open(endpoint, hooks, deadline, implicit);
        if (client == null) {
            hooks.trace().accept("server does not speak TLS on this port; reconnecting in clear (imapSecurity="
                    + endpoint.tls().key() + ")");
            implicit = false;
            client = open(endpoint, hooks, deadline, false);
        }
        ImapSession session = new ImapSession(endpoint, hooks, deadline, client, implicit);
        session.step = "greeting";
        String greeting = String.join(" ", client.getReplyStrings());
        hooks.trace().accept("< " + OneLine.of(greeting, 120));
        // RFC 9051 section 7.1: the greeting is "* OK", "* PREAUTH" (already logged in) or "* BYE".
        if (!greeting.regionMatches(true, 0, "* OK", 0, 4)) {
            session.close();
            throw session.fail("greeting refused: " + OneLine.of(greeting, 120));
        }
        return session;
    }

    /** The connected client, or null when tlsIfAvailable met a server that answered the TLS hello in clear. */
    private static ImapClient open(Endpoint endpoint, Hooks hooks, Deadline deadline, boolean implicit)
            throws PhaseFailure {
        ImapClient client = new ImapClient(implicit);
        hooks.trust().accept(client);
        int wait = deadline.capMillis(endpoint.timeout());
        client.setConnectTimeout(wait);
        // SO_TIMEOUT before connect: it bounds the implicit TLS handshake and the greeting too.
        client.setDefaultTimeout(wait);
        hooks.watch().accept(client);
        try {
            client.connect(endpoint.connectHost(), endpoint.port());
            return client;
        } catch (IOException e) {
            closeQuietly(client);
            Matcher refused = REFUSED_GREETING.matcher(String.valueOf(e.getMessage()));
            if (e instanceof MalformedServerReplyException && refused.find()) {
                // Commons Net rejects a greeting other than "* OK" itself; say what the server sent.
                throw new PhaseFailure(PHASE, where("greeting", endpoint) + "greeting refused: "
                        + OneLine.of(refused.group(1), 120));
            }
            if (implicit && !endpoint.tls().enforced() && NetworkFailure.peerSpeaksNoTls(e) && !hooks.cut().getAsBoolean()) {
                return null;
            }
            throw failure("connect", endpoint, hooks, e);
        }
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** A line of the trace (never a credential). */
    void trace(String line) {
        hooks.trace().accept(line);
    }

    Set<String> capabilities() {
        return capabilities;
    }

    boolean offers(String capability) {
        return capabilities.contains(capability.toUpperCase(Locale.ROOT));
    }

    boolean encrypted() {
        return encrypted;
    }

    /** The mailbox size from the last {@code * n EXISTS} seen, -1 before SELECT. */
    long exists() {
        return exists;
    }

    /** Asks CAPABILITY again: after STARTTLS and after login the list may change (RFC 9051 section 6.2). */
    void readCapabilities(String stepName) throws PhaseFailure {
        Reply reply = command(stepName, "CAPABILITY");
        capabilities = reply.untagged().stream().filter(r -> r.word(0).equals("CAPABILITY"))
                .flatMap(r -> Arrays.stream(r.text().split(" ")).skip(1))
                .map(word -> word.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** STARTTLS (RFC 9051 section 6.2.1) through Commons Net, which checks certificate and host name. */
    boolean startTls() throws PhaseFailure {
        step = "STARTTLS";
        arm();
        hooks.trace().accept("> STARTTLS");
        try {
            if (!client.execTLS()) {
                hooks.trace().accept("< " + OneLine.of(client.getReplyString(), 120));
                return false;
            }
        } catch (IOException e) {
            throw failure(e);
        }
        wire = client.wire();
        encrypted = true;
        hooks.trace().accept("TLS established");
        return true;
    }

    /** Runs a command that must end in OK. */
    Reply command(String stepName, String command) throws PhaseFailure {
        Reply reply = send(stepName, command, command);
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
    Reply send(String stepName, String command, String shown) throws PhaseFailure {
        step = stepName;
        String tag = "m" + nextTag++;
        try {
            arm();
            hooks.trace().accept("> " + tag + " " + shown);
            wire.send(tag + " " + command);
            return collect(tag);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Reads responses up to the one tagged {@code tag}. */
    Reply collect(String tag) throws PhaseFailure, IOException {
        List<ImapWire.Response> untagged = new ArrayList<>();
        while (true) {
            ImapWire.Response response = next();
            if (response.tag().equals(tag)) {
                hooks.trace().accept("< " + OneLine.of(response.shown(), 120));
                return new Reply(response, untagged);
            }
            if (response.continuation()) {
                throw fail("unexpected continuation request: " + OneLine.of(response.shown(), 100));
            }
            if (!response.untagged()) {
                throw fail("response with a tag never sent: " + OneLine.of(response.shown(), 100));
            }
            if (untagged.size() >= ImapWire.MAX_UNTAGGED) {
                throw fail("more than " + ImapWire.MAX_UNTAGGED + " untagged responses to one command");
            }
            untagged.add(response);
        }
    }

    /** The next response; an untagged BYE ends the session (it may come at any time, RFC 9051 section 7.1.5). */
    ImapWire.Response next() throws PhaseFailure, IOException {
        ImapWire.Response response = wire.read();
        if (response.untagged()) {
            if (response.word(0).equals("BYE") && !step.equals("LOGOUT")) {
                throw fail("server closed the session: " + OneLine.of(response.shown(), 120));
            }
            if (response.word(1).equals("EXISTS")) {
                exists = parseCount(response.word(0));
            }
        }
        return response;
    }

    /** Writes a line without a tag (a SASL response, IDLE's DONE). */
    void sendLine(String stepName, String line, String shown) throws PhaseFailure {
        step = stepName;
        try {
            hooks.trace().accept("> " + shown);
            wire.send(line);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    String newTag() {
        return "m" + nextTag++;
    }

    void step(String name) {
        step = name;
    }

    /** Socket timeout for the next read: min(time left, imapTimeout). */
    void arm() throws PhaseFailure {
        armFor(endpoint.timeout());
    }

    /** Socket timeout for a longer wait (IDLE until the trip ends), still capped by the run deadline. */
    void armFor(java.time.Duration wait) throws PhaseFailure {
        try {
            client.setSoTimeout(deadline.capMillis(wait));
        } catch (IOException | NullPointerException e) {
            // NullPointerException: the watchdog disconnected the client between two steps.
            throw cutOrClosed();
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

    PhaseFailure failure(IOException e) {
        return failure(step, endpoint, hooks, e);
    }

    private PhaseFailure cutOrClosed() {
        return hooks.cut().getAsBoolean() ? new PhaseFailure(PHASE, where(step, endpoint) + "run deadline reached")
                : fail("connection closed");
    }

    private static PhaseFailure failure(String step, Endpoint endpoint, Hooks hooks, IOException e) {
        if (hooks.cut().getAsBoolean()) {
            return new PhaseFailure(PHASE, where(step, endpoint) + "run deadline reached");
        }
        if (e instanceof ImapWire.Limit || e instanceof ImapWire.Malformed) {
            return new PhaseFailure(PHASE, where(step, endpoint) + e.getMessage());
        }
        return new PhaseFailure(PHASE, where(step, endpoint) + NetworkFailure.reason(e, endpoint));
    }

    PhaseFailure refused(Reply reply) {
        return fail(OneLine.of(reply.tagged().text(), 120));
    }

    PhaseFailure fail(String reason) {
        return new PhaseFailure(PHASE, where(step, endpoint) + reason);
    }

    private static String where(String step, Endpoint endpoint) {
        return "IMAP " + endpoint.address() + " " + step + ": ";
    }

    private long parseCount(String word) throws ImapWire.Malformed {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new ImapWire.Malformed("EXISTS without a number: " + OneLine.of(word, 40));
        }
    }

    @Override
    public void close() {
        closeQuietly(client);
    }

    private static void closeQuietly(ImapClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (IOException | RuntimeException ignored) {
            // Closing is best effort: the socket is being abandoned either way.
        }
    }
}
