package io.mailtrip.mailkit.probe;

import java.util.Optional;

/**
 * Which message a mailbox leg may delete, the same rule for every sensor: only this sensor's own probes
 * (same sensor id and key), namely the current one and its copies, and probes an earlier run gave up on
 * or sent longer ago than {@code maxTripTime}. Everything else, including an own probe that another
 * process with the same key may still be waiting for, is left as it is.
 */
public final class ProbeSweep {

    /** What a message is to the run looking at it. */
    public enum Verdict {
        /** Not an own probe: never touched, never looked at again. */
        FOREIGN,
        /** The current run's probe (or a copy of it): delete. */
        CURRENT,
        /** An own probe of an earlier run that gave up or is older than the trip time: delete. */
        LATE,
        /** An own probe that may still be awaited elsewhere: leave, look again next poll. */
        IN_FLIGHT
    }

    private final AbandonedProbes abandoned;
    private final long staleAfterMillis;

    /** @param staleAfterMillis maxTripTime: an own probe sent longer ago is late */
    public ProbeSweep(AbandonedProbes abandoned, long staleAfterMillis) {
        this.abandoned = abandoned;
        this.staleAfterMillis = staleAfterMillis;
    }

    /**
     * @param stamp      the message's stamp, empty when it carries none whose subject agrees
     * @param current    the probe of this run
     * @param nowMillis  wall-clock time of the poll
     */
    public Verdict judge(Optional<ProbeStamp> stamp, ProbeMessage current, long nowMillis) {
        if (stamp.isEmpty() || !stamp.get().sameSensor(current.stamp())) {
            return Verdict.FOREIGN;
        }
        if (stamp.get().guid().equals(current.guid())) {
            return Verdict.CURRENT;
        }
        if (abandoned.gaveUpOn(stamp.get().guid()) || nowMillis - stamp.get().sentMillis() > staleAfterMillis) {
            return Verdict.LATE;
        }
        return Verdict.IN_FLIGHT;
    }
}
