package io.mailtrip.host;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The one history of a sensor instance, for every host: its recent statuses, bounded, and the
 * {@value #DOWNTIME_CHANNEL} channel derived from them (the share of DOWN results, in percent), the
 * current failure streak (how many results in a row were not UP, since when), plus the last results in
 * full for hosts that show them, and the recent values of its channels as {@link ChartPoints}, which
 * {@link ChartSet} turns into the charts every host draws. The sensor cannot know its own history across
 * runs, so hosts keep one of these per instance and pass every result through {@link #record(SensorResult)}.
 *
 * <p>Statuses are kept as one byte each in a ring (a day at one run a minute is 1,440 bytes), not as
 * a collection of references, and chart points in primitive arrays: a runner holds thousands of these
 * (issue 17). Thread-safe: runs record while status pages read.
 */
public final class ResultHistory {

    /** Key of the channel hosts fill from the history. */
    public static final String DOWNTIME_CHANNEL = ChannelDescriptor.DOWNTIME;

    private static final Status[] STATUSES = Status.values();

    private final int keptResults;
    private final byte[] ring;
    private final Deque<SensorResult> results = new ArrayDeque<>();
    private final ChartPoints points;
    private int oldest;
    private int size;
    private int downCount;
    private int failureStreak;
    private Instant failingSince;

    /** A history of {@code capacity} statuses that keeps no full result (the latest aside) and no chart. */
    public ResultHistory(int capacity) {
        this(capacity, 1);
    }

    /**
     * A history without chart values.
     *
     * @param capacity    statuses kept: the window of the downtime channel
     * @param keptResults full results kept, newest first, at least 1
     */
    public ResultHistory(int capacity, int keptResults) {
        this(capacity, keptResults, List.of(), 1);
    }

    /**
     * @param capacity      statuses kept: the window of the downtime channel
     * @param keptResults   full results kept, newest first, at least 1
     * @param chartChannels the channels whose values are kept for charts (the descriptor's keys)
     * @param chartCapacity chart points kept, at least 1: a host may keep fewer than {@code capacity} to
     *                      bound memory per instance
     */
    public ResultHistory(int capacity, int keptResults, List<String> chartChannels, int chartCapacity) {
        if (capacity < 1 || keptResults < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1");
        }
        this.ring = new byte[capacity];
        this.keptResults = keptResults;
        this.points = new ChartPoints(chartCapacity, chartChannels);
    }

    /** Adds the result and returns it with its downtime channel filled. */
    public synchronized SensorResult record(SensorResult result) {
        add(result.status());
        if (result.status() != Status.UP && failureStreak == 1) {
            failingSince = result.start();
        }
        SensorResult filled = result.channels().containsKey(DOWNTIME_CHANNEL)
                ? result.withChannel(DOWNTIME_CHANNEL, ChannelValue.of(downtimePercent())) : result;
        if (results.size() == keptResults) {
            results.removeLast();
        }
        results.addFirst(filled);
        points.add(filled);
        return filled;
    }

    /** Adds a chart point without a result: a history restored from a file; one value per chart channel. */
    public synchronized void addPoint(Instant start, Status status, double[] values) {
        points.add(start, status, values);
    }

    /** Adds a status without a result: a history restored from a file. */
    public synchronized void add(Status status) {
        if (size == ring.length) {
            if (ring[oldest] == Status.DOWN.ordinal()) {
                downCount--;
            }
            ring[oldest] = (byte) status.ordinal();
            oldest = (oldest + 1) % ring.length;
        } else {
            ring[(oldest + size) % ring.length] = (byte) status.ordinal();
            size++;
        }
        if (status == Status.DOWN) {
            downCount++;
        }
        if (status == Status.UP) {
            failureStreak = 0;
            failingSince = null;
        } else {
            failureStreak++;
        }
    }

    /** Share of DOWN among the kept statuses, 0 when there is none. */
    public synchronized double downtimePercent() {
        return size == 0 ? 0.0 : 100.0 * downCount / size;
    }

    /** Statuses kept. */
    public synchronized int size() {
        return size;
    }

    /** How many results in a row, up to the latest, were not UP (0 when the latest was UP or there is none). */
    public synchronized int failureStreak() {
        return failureStreak;
    }

    /**
     * Start of the first run of the current failure streak, when it was recorded in this process (a
     * streak restored from statuses alone has no time).
     */
    public synchronized Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** The kept statuses, oldest first: what a host persists to restore the downtime window. */
    public synchronized List<Status> statuses() {
        List<Status> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(STATUSES[ring[(oldest + i) % ring.length]]);
        }
        return out;
    }

    public synchronized Optional<SensorResult> latest() {
        return Optional.ofNullable(results.peekFirst());
    }

    /** The channels of {@link #chartPoints()}, in the order of each point's values. */
    public List<String> chartChannels() {
        return points.channelKeys();
    }

    /** The kept chart points, oldest first. */
    public synchronized List<ChartPoints.Point> chartPoints() {
        return points.points();
    }

    /** The kept results, newest first. */
    public synchronized List<SensorResult> results() {
        return new ArrayList<>(results);
    }
}
