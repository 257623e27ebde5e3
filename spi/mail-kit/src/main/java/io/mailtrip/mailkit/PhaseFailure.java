package io.mailtrip.mailkit;

/**
 * Internal: a protocol step failed. Carries the phase and a one-line reason; the sensor turns it into
 * a DOWN result. Never leaves the sensor.
 */
public final class PhaseFailure extends Exception {

    private final String phase;

    public PhaseFailure(String phase, String reason) {
        super(reason, null, false, false);
        this.phase = phase;
    }

    public String phase() {
        return phase;
    }
}
