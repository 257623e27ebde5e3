package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.Watchdog;

import org.apache.commons.net.pop3.POP3SClient;

/**
 * A logged-in POP3 session of one poll and the leg it belongs to. Closing drops the connection; without
 * a QUIT before ({@link Pop3Cleanup}), nothing is deleted (RFC 1939 section 6).
 */
record Pop3Connection(Leg leg, POP3SClient client) implements AutoCloseable {

    /** Fails the current step with the server's reply unless {@code ok}. */
    void expect(boolean ok, String what) throws PhaseFailure {
        if (!ok) {
            throw leg.refused(what, client.getReplyString());
        }
    }

    /**
     * A failure as the run reports it. Commons Net throws NullPointerException when the watchdog closed
     * the socket under it (it drops its reader): that is the run deadline, named with phase and step.
     */
    PhaseFailure translate(Exception e) {
        if (e instanceof PhaseFailure failure) {
            return failure;
        }
        if (leg.watchdog().fired()) {
            return leg.deadlineReached();
        }
        throw (RuntimeException) e;
    }

    @Override
    public void close() {
        Watchdog.closeQuietly(client);
    }
}
