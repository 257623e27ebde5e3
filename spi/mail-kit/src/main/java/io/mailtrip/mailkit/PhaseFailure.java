package io.mailtrip.mailkit;

/**
 * Internal: a protocol step failed. Carries the phase and a one-line reason; the sensor turns it into
 * a DOWN result. Never leaves the sensor.
 */
public final class PhaseFailure extends Exception {

    private final String phase;
    private final boolean deadlineReached;

    public PhaseFailure(String phase, String reason) {
        this(phase, reason, false);
    }

    /** @param deadlineReached the run deadline, not the server, ended the step: the result is UNKNOWN */
    public PhaseFailure(String phase, String reason, boolean deadlineReached) {
        super(reason, null, false, false);
        this.phase = phase;
        this.deadlineReached = deadlineReached;
    }

    /** True when the run deadline ended the step (UNKNOWN rather than DOWN). */
    public boolean deadlineReached() {
        return deadlineReached;
    }

    public String phase() {
        return phase;
    }
}
