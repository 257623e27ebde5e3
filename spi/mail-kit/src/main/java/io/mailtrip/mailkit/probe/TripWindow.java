package io.mailtrip.mailkit.probe;

import io.mailtrip.spi.Deadline;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a mailbox leg waits for the probe: {@code maxTripTime} after the SMTP acceptance, or less
 * when the run's deadline comes first. A host with a fixed deadline (the Nagios plugin's {@code -t})
 * would otherwise cut the wait as a timeout (UNKNOWN) although the mail is simply late (DOWN, CRITICAL):
 * the window then ends early enough to leave a reserve for the last poll and the cleanup, 10 % of the
 * time left at the acceptance, at least 1 s and at most the leg's timeout. A window that would be
 * shorter than 1 s is not cut (the deadline then ends the run). A host whose deadline is the sensor's
 * budget (the runner) never sees the window cut.
 *
 * @param acceptedNanos when the SMTP server accepted the probe ({@link System#nanoTime()})
 * @param endNanos      when the wait ends
 * @param maxTripTime   the setting
 * @param cut           whether the deadline, not maxTripTime, sets the end
 */
public record TripWindow(long acceptedNanos, long endNanos, Duration maxTripTime, boolean cut) {

    private static final Duration MIN_RESERVE = Duration.ofSeconds(1);

    /** The window of a probe accepted at {@code acceptedNanos}, computed at the acceptance. */
    public static TripWindow of(long acceptedNanos, Duration maxTripTime, Deadline deadline, Duration legTimeout) {
        long byTrip = acceptedNanos + maxTripTime.toNanos();
        Duration left = deadline.remaining();
        Duration reserve = left.dividedBy(10);
        if (reserve.compareTo(MIN_RESERVE) < 0) {
            reserve = MIN_RESERVE;
        }
        if (reserve.compareTo(legTimeout) > 0) {
            reserve = legTimeout;
        }
        long byDeadline = System.nanoTime() + left.minus(reserve).toNanos();
        // A deadline that leaves less than a second of waiting cannot tell late mail from a slow server: it
        // stays the deadline's (a timeout), not a late mail.
        boolean roomToWait = byDeadline - acceptedNanos >= MIN_RESERVE.toNanos();
        return byDeadline - byTrip < 0 && roomToWait ? new TripWindow(acceptedNanos, byDeadline, maxTripTime, true)
                : new TripWindow(acceptedNanos, byTrip, maxTripTime, false);
    }

    /** True once the wait is over. */
    public boolean over() {
        return System.nanoTime() - endNanos >= 0;
    }

    /**
     * The failure text of a probe not back in time: {@code probe not received within maxTripTime 300 s} or,
     * when the deadline cut it, {@code probe not received within 44 s (maxTripTime 300 s cut to fit the
     * run deadline)}; {@code attempts} like {@code 12 polls}.
     */
    public String notReceived(String attempts) {
        if (!cut) {
            return String.format(Locale.ROOT, "probe not received within maxTripTime %d s (%s)",
                    maxTripTime.toSeconds(), attempts);
        }
        return String.format(Locale.ROOT, "probe not received within %d s (maxTripTime %d s cut to fit the run"
                + " deadline; %s)", Math.max(0, (endNanos - acceptedNanos) / 1_000_000_000L), maxTripTime.toSeconds(),
                attempts);
    }
}
