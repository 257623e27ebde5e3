package io.mailtrip.host;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sensor instance's recent statuses, bounded, and the {@value #DOWNTIME_CHANNEL} channel derived
 * from them: the share of DOWN results, in percent. The sensor cannot know its own history across
 * processes, so hosts keep one of these per sensor instance and pass every result through
 * {@link #record(SensorResult)}. Not thread-safe: one instance's runs never overlap.
 */
public final class ResultHistory {

    /** Key of the channel hosts fill from the history. */
    public static final String DOWNTIME_CHANNEL = ChannelDescriptor.DOWNTIME;

    private final int capacity;
    private final Deque<Status> statuses = new ArrayDeque<>();
    private int downCount;

    public ResultHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Adds the result's status and returns the result with its downtime channel filled. */
    public SensorResult record(SensorResult result) {
        add(result.status());
        if (!result.channels().containsKey(DOWNTIME_CHANNEL)) {
            return result;
        }
        return result.withChannel(DOWNTIME_CHANNEL, ChannelValue.of(downtimePercent()));
    }

    public void add(Status status) {
        if (statuses.size() == capacity && statuses.removeFirst() == Status.DOWN) {
            downCount--;
        }
        statuses.addLast(status);
        if (status == Status.DOWN) {
            downCount++;
        }
    }

    /** Share of DOWN among the kept results, 0 when there is none. */
    public double downtimePercent() {
        return statuses.isEmpty() ? 0.0 : 100.0 * downCount / statuses.size();
    }

    public int size() {
        return statuses.size();
    }
}
