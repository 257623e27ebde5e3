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

    public void step(String name) {
        step = name;
    }

    /** Enters {@code name} and bounds the next reply: min(time left, the leg's timeout). */
    public void step(String name, SocketClient client) throws IOException {
        step = name;
        arm(client);
    }

    /** Sets the socket timeout for the next reply: min(time left, the leg's timeout), never 0. */
    public void arm(SocketClient client) throws IOException {
        client.setSoTimeout(deadline.capMillis(endpoint.timeout()));
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
        return new PhaseFailure(phase, where() + "run deadline reached in phase " + phase + ", step " + step);
    }

    String where() {
        return phase.toUpperCase(Locale.ROOT) + " " + endpoint.address() + " " + step + ": ";
    }
}
