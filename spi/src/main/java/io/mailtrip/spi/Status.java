package io.mailtrip.spi;

/**
 * State of one sensor run. Ordered by severity for {@link #worst(Status, Status)}:
 * UP &lt; WARNING &lt; UNKNOWN &lt; DOWN, the order the Monitoring Plugins use for
 * OK &lt; WARNING &lt; UNKNOWN &lt; CRITICAL.
 */
public enum Status {
    UP(0),
    WARNING(1),
    UNKNOWN(2),
    DOWN(3);

    private final int severity;

    Status(int severity) {
        this.severity = severity;
    }

    /** The more severe of two states; the single worst-state function every adapter uses. */
    public static Status worst(Status a, Status b) {
        return a.severity >= b.severity ? a : b;
    }
}
