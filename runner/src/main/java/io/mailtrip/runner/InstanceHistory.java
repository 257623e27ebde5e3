package io.mailtrip.runner;

import io.mailtrip.host.RoleSettings;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.host.ResultHistory;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the runner remembers of one instance: the host kit's {@link ResultHistory} for the downtime
 * channel and the statuses behind it (to persist them), the last {@value #CHART_POINTS} results for charts, the
 * latest full result, and run counters. Written by the instance's runs (never overlapping), read by
 * HTTP threads, hence synchronized.
 */
public final class InstanceHistory {

    /** Points kept for charts, independent of the downtime window, to bound memory per instance. */
    static final int CHART_POINTS = 240;

    private final String instanceId;
    private final SensorDescriptor descriptor;
    private final RoleSettings display;
    private final List<String> channelKeys;
    private final int capacity;
    private final ResultHistory downtime;
    private final Deque<ResultPoint> points = new ArrayDeque<>();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong skippedRuns = new AtomicLong();
    private RunRecord latest;

    public InstanceHistory(String instanceId, SensorDescriptor descriptor, RoleSettings display, int capacity) {
        this.instanceId = instanceId;
        this.descriptor = descriptor;
        this.display = display;
        this.channelKeys = descriptor.channels().stream().map(ChannelDescriptor::key).toList();
        this.capacity = capacity;
        this.downtime = new ResultHistory(capacity);
    }

    /**
     * Everything known at one moment, consistent.
     *
     * @param display         how the instance wants its channels shown
     * @param latest          the last result, if any
     * @param points          recent results, oldest first (values in descriptor order)
     * @param downtimePercent share of DOWN among the kept statuses
     */
    public record Snapshot(String instanceId, SensorDescriptor descriptor, RoleSettings display,
                           Optional<RunRecord> latest,
                           List<ResultPoint> points, double downtimePercent, long runs,
                           long skippedRuns) {
    }

    public String instanceId() {
        return instanceId;
    }

    /** Adds a result and returns it with the downtime channel filled from this history. */
    public synchronized RunRecord record(SensorResult result) {
        SensorResult filled = downtime.record(result);
        points.addLast(ResultPoint.of(filled, channelKeys));
        if (points.size() > Math.min(capacity, CHART_POINTS)) {
            points.removeFirst();
        }
        runs.incrementAndGet();
        latest = new RunRecord(instanceId, descriptor, display, filled);
        return latest;
    }

    /** Counts a planned start dropped because the previous run was still going. */
    public void skipped() {
        skippedRuns.incrementAndGet();
    }

    /** Loads persisted history (oldest first) before the first run. */
    public synchronized void restore(String statusLetters, List<ResultPoint> restoredPoints) {
        for (char letter : statusLetters.toCharArray()) {
            StatusLetters.parse(letter).ifPresent(downtime::add);
        }
        for (ResultPoint point : restoredPoints) {
            if (point.values().size() == channelKeys.size()) {
                points.addLast(point);
                if (points.size() > Math.min(capacity, CHART_POINTS)) {
                    points.removeFirst();
                }
            }
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(instanceId, descriptor, display, Optional.ofNullable(latest), new ArrayList<>(points),
                downtime.downtimePercent(), runs.get(), skippedRuns.get());
    }

    /** The kept statuses as letters, oldest first: what the history file stores for the downtime window. */
    public synchronized String statusLetters() {
        return StatusLetters.of(downtime.statuses());
    }
}
