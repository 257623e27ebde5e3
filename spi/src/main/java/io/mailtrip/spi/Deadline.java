package io.mailtrip.spi;

import java.time.Duration;

/**
 * The overall deadline of one run, on the monotonic clock. Every network wait inside a run uses
 * {@link #cap(Duration)}: the smaller of the time left and the phase's own timeout.
 */
public final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** A deadline {@code budget} from now. */
    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** min(remaining, phaseTimeout), never negative. */
    public Duration cap(Duration phaseTimeout) {
        Duration left = remaining();
        return left.compareTo(phaseTimeout) < 0 ? left : phaseTimeout;
    }

    /**
     * {@link #cap(Duration)} in whole milliseconds for socket APIs, at least 1: a socket timeout of 0
     * means "wait forever", the one value a monitor must never pass.
     */
    public int capMillis(Duration phaseTimeout) {
        long millis = cap(phaseTimeout).toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }
}
