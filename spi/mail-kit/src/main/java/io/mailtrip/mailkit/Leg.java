package io.mailtrip.mailkit;

import io.mailtrip.spi.Deadline;

import java.io.IOException;
import java.util.Locale;

import org.apache.commons.net.SocketClient;

/**
 * Where one protocol leg of a run is: its phase ({@code smtp}, {@code pop3}, {@code imap}), its endpoint,
 * the step in progress, and the run's trace, watchdog and deadline. Every failure of the leg is made here,
 * so each reads {@code PHASE host:port step: reason} the same way in every sensor.
 */
public final class Leg {

    private final String phase;
    private final Endpoint endpoint;
    private final ProtocolTrace trace;
    private final Watchdog watchdog;
    private final Deadline deadline;
    private volatile String step = "connect";
    private volatile boolean waitCutByDeadline;

    public Leg(String phase, Endpoint endpoint, ProtocolTrace trace, Watchdog watchdog, Deadline deadline) {
        this.phase = phase;
        this.endpoint = endpoint;
        this.trace = trace;
        this.watchdog = watchdog;
        this.deadline = deadline;
    }

    public String phase() {
        return phase;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public ProtocolTrace trace() {
        return trace;
    }

    public Watchdog watchdog() {
        return watchdog;
    }

    public Deadline deadline() {
        return deadline;
    }

    /** The step in progress, as failures name it ({@code EHLO}, {@code UIDL 3}). */
    public String step() {
        return step;
    }

    /** Enters {@code name}; what the server sends next is counted as one command reply. */
    public void step(String name) {
        step = name;
        watchdog.input().expect(PeerLimits.Reply.COMMAND);
    }

    /** Enters {@code name} and bounds the next reply: min(time left, the leg's timeout). */
    public void step(String name, SocketClient client) throws IOException {
        step(name, client, PeerLimits.Reply.COMMAND);
    }

    /**
     * Enters {@code name}, bounds the next reply in time and counts it as {@code kind} (a listing or a
     * message header has its own limits).
     */
    public void step(String name, SocketClient client, PeerLimits.Reply kind) throws IOException {
        step = name;
        watchdog.input().expect(kind);
        arm(client);
    }

    /** Sets the socket timeout for the next reply: min(time left, the leg's timeout), never 0. */
    public void arm(SocketClient client) throws IOException {
        client.setSoTimeout(waitMillis());
    }

    /**
     * The next wait in milliseconds: min(time left, the leg's timeout), never 0. Remembers whether the
     * run deadline cut it, so a timeout of that wait is reported as the deadline, not as a slow server.
     */
    public int waitMillis() {
        waitCutByDeadline = deadline.remaining().compareTo(endpoint.timeout()) < 0;
        return deadline.capMillis(endpoint.timeout());
    }

    /** True when the run is out of time: the watchdog fired, or the last wait was the deadline's. */
    public boolean deadlineCut(IOException e) {
        return watchdog.fired() || deadline.expired()
                || (waitCutByDeadline && e instanceof java.net.SocketTimeoutException);
    }

    /** A failure of the current step; {@code reason} may carry server text, which is cleaned here. */
    public PhaseFailure fail(String reason) {
        if (watchdog.fired()) {
            return deadlineReached();
        }
        return new PhaseFailure(phase, where() + reason);
    }

    /** A failure of the current step with the server's last reply, cleaned and cut. */
    public PhaseFailure refused(String what, String reply) {
        return fail(what + ": " + OneLine.of(reply, 120));
    }

    /** An I/O failure of the current step, worded by {@link NetworkFailure}. */
    public PhaseFailure failure(IOException e) {
        return NetworkFailure.of(this, e);
    }

    /** The run deadline cut this step (the watchdog closed the connection or time ran out). */
    public PhaseFailure deadlineReached() {
        return new PhaseFailure(phase, where() + "run deadline reached in phase " + phase + ", step " + step, true);
    }

    String where() {
        return phase.toUpperCase(Locale.ROOT) + " " + endpoint.address() + " " + step + ": ";
    }
}
