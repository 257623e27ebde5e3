package io.mailtrip.host;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The one history of a sensor instance, for every host: its recent statuses, bounded, and the
 * {@value #DOWNTIME_CHANNEL} channel derived from them (the share of DOWN results, in percent), plus the
 * last results in full for hosts that show them. The sensor cannot know its own history across runs, so
 * hosts keep one of these per instance and pass every result through {@link #record(SensorResult)}.
 * Thread-safe: runs record while status pages read.
 */
public final class ResultHistory {

    /** Key of the channel hosts fill from the history. */
    public static final String DOWNTIME_CHANNEL = ChannelDescriptor.DOWNTIME;

    private final int capacity;
    private final int keptResults;
    private final Deque<Status> statuses = new ArrayDeque<>();
    private final Deque<SensorResult> results = new ArrayDeque<>();
    private int downCount;

    /** A history of {@code capacity} statuses that keeps no full result (the latest aside). */
    public ResultHistory(int capacity) {
        this(capacity, 1);
    }

    /**
     * @param capacity    statuses kept: the window of the downtime channel
     * @param keptResults full results kept, newest first, at least 1
     */
    public ResultHistory(int capacity, int keptResults) {
        if (capacity < 1 || keptResults < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1");
        }
        this.capacity = capacity;
        this.keptResults = keptResults;
    }

    /** Adds the result and returns it with its downtime channel filled. */
    public synchronized SensorResult record(SensorResult result) {
        add(result.status());
        SensorResult filled = result.channels().containsKey(DOWNTIME_CHANNEL)
                ? result.withChannel(DOWNTIME_CHANNEL, ChannelValue.of(downtimePercent())) : result;
        if (results.size() == keptResults) {
            results.removeLast();
        }
        results.addFirst(filled);
        return filled;
    }

    /** Adds a status without a result: a history restored from a file. */
    public synchronized void add(Status status) {
        if (statuses.size() == capacity && statuses.removeFirst() == Status.DOWN) {
            downCount--;
        }
        statuses.addLast(status);
        if (status == Status.DOWN) {
            downCount++;
        }
    }

    /** Share of DOWN among the kept statuses, 0 when there is none. */
    public synchronized double downtimePercent() {
        return statuses.isEmpty() ? 0.0 : 100.0 * downCount / statuses.size();
    }

    /** Statuses kept. */
    public synchronized int size() {
        return statuses.size();
    }

    /** The kept statuses, oldest first: what a host persists to restore the downtime window. */
    public synchronized List<Status> statuses() {
        return new ArrayList<>(statuses);
    }

    public synchronized Optional<SensorResult> latest() {
        return Optional.ofNullable(results.peekFirst());
    }

    /** The kept results, newest first. */
    public synchronized List<SensorResult> results() {
        return new ArrayList<>(results);
    }
}
