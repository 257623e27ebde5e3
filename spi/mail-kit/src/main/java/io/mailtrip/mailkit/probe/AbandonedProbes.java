package io.mailtrip.mailkit.probe;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The GUIDs of probes whose run gave up (failed or was cut after sending): such a probe arriving later is
 * late, never a later run's arrival, and the next poll may delete it. Bounded: the oldest are forgotten,
 * and the age rule of {@link ProbeSweep} still catches them.
 */
public final class AbandonedProbes {

    /** How many given-up GUIDs a sensor instance keeps. */
    public static final int KEPT = 256;

    private final Deque<String> guids = new ArrayDeque<>();

    public synchronized void giveUpOn(String guid) {
        if (guids.size() == KEPT) {
            guids.removeFirst();
        }
        guids.addLast(guid);
    }

    public synchronized boolean gaveUpOn(String guid) {
        return guids.contains(guid);
    }
}
