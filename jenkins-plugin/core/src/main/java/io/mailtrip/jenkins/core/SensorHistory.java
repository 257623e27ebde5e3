package io.mailtrip.jenkins.core;

import io.mailtrip.host.ResultHistory;
import io.mailtrip.host.ResultText;
import io.mailtrip.spi.SensorResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The recent results of one sensor instance, bounded, with the downtime channel filled by the SPI's
 * {@link ResultHistory}. Thread-safe: the periodic work records while the status page reads.
 */
public final class SensorHistory {

    private final int capacity;
    private final ResultHistory downtime;
    private final Deque<SensorResult> results = new ArrayDeque<>();

    public SensorHistory(int capacity) {
        this.downtime = new ResultHistory(capacity);
        this.capacity = capacity;
    }

    /** Keeps the result and returns it with its downtime channel filled. */
    public synchronized SensorResult record(SensorResult result) {
        // Server text in the result is cleaned once here, for every page and file (issue 13).
        SensorResult filled = downtime.record(ResultText.cleaned(result));
        if (results.size() == capacity) {
            results.removeLast();
        }
        results.addFirst(filled);
        return filled;
    }

    public synchronized Optional<SensorResult> latest() {
        return Optional.ofNullable(results.peekFirst());
    }

    /** The kept results, newest first. */
    public synchronized List<SensorResult> results() {
        return new ArrayList<>(results);
    }

    /** Share of DOWN among the kept results, in percent; 0 before the first result. */
    public synchronized double downtimePercent() {
        return downtime.downtimePercent();
    }
}
