package io.mailtrip.sensor.smtpimap;

/**
 * Internal: a protocol step failed. Carries the phase and a one-line reason; the sensor turns it into
 * a DOWN result. Never leaves the sensor.
 */
final class PhaseFailure extends Exception {

    private final String phase;

    PhaseFailure(String phase, String reason) {
        super(reason, null, false, false);
        this.phase = phase;
    }

    String phase() {
        return phase;
    }
}
