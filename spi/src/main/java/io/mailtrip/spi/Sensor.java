package io.mailtrip.spi;

import java.time.Duration;

/**
 * One configured sensor instance. It may keep state between runs (for example what it has seen in a
 * mailbox), so a host creates it once and calls {@link #run(Deadline)} at every interval; runs of one
 * instance never overlap.
 */
public interface Sensor extends AutoCloseable {

    /**
     * Runs the check once. Never throws for a failed check and never waits past {@code deadline}:
     * every network wait inside is bounded by min(time left, the phase's own timeout).
     */
    SensorResult run(Deadline deadline);

    /** The longest a run may need under its settings; hosts give each run at most this. */
    Duration budget();

    /**
     * Called by a host that creates this instance for one run and keeps nothing afterwards (a Nagios
     * plugin process). State the sensor would carry to its next run (a cached token, a refresh token the
     * server rotated) is then lost, and the sensor says so in its result where that matters.
     */
    default void hostKeepsNoState() {
    }

    @Override
    default void close() {
    }
}
