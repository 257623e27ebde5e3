package io.mailtrip.runner;

import io.mailtrip.host.ChartPoints;
import io.mailtrip.host.ResultHistory;
import io.mailtrip.host.RoleSettings;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the runner knows of one instance: its settings for display, tags and budget, its host kit
 * {@link ResultHistory} (statuses, one byte each, for the downtime channel, the failure streak and the
 * history file, and the last {@value #CHART_POINTS} results as chart points), the latest full result, the
 * latest failed one (for its protocol trace) and run counters. Written by the instance's runs (never
 * overlapping), read by HTTP threads, hence synchronized.
 */
public final class InstanceState {

    /** Points kept for charts, independent of the downtime window, to bound memory per instance. */
    static final int CHART_POINTS = 240;

    private final String instanceId;
    private final SensorDescriptor descriptor;
    private final RoleSettings display;
    private final Tags tags;
    private final Duration interval;
    private final Duration budget;
    private final ResultHistory history;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong skippedRuns = new AtomicLong();
    private RunRecord latest;
    private RunRecord latestFailure;

    public InstanceState(String instanceId, SensorDescriptor descriptor, RoleSettings display, int capacity) {
        this(instanceId, descriptor, display, Tags.NONE, Duration.ZERO, capacity);
    }

    /**
     * @param budget   the deadline of one run
     * @param capacity statuses kept: the downtime window
     */
    public InstanceState(String instanceId, SensorDescriptor descriptor, RoleSettings display, Tags tags,
                         Duration budget, int capacity) {
        this.instanceId = instanceId;
        this.interval = display.interval();
        this.budget = budget;
        this.descriptor = descriptor;
        this.display = display;
        this.tags = tags;
        this.history = new ResultHistory(capacity, 1,
                descriptor.channels().stream().map(ChannelDescriptor::key).toList(), Math.min(capacity, CHART_POINTS));
    }

    /**
     * Everything known at one moment, consistent.
     *
     * @param display         how the instance wants its channels shown
     * @param tags            the instance's tags (metric labels)
     * @param interval        time between two planned starts
     * @param budget          the deadline of one run
     * @param latest          the last result, if any
     * @param latestFailure   the last result that was not UP, if any (its details are the protocol trace)
     * @param points          recent results, oldest first (values in descriptor order); empty in a summary
     * @param downtimePercent share of DOWN among the kept statuses
     * @param failureStreak   results in a row, up to the latest, that were not UP
     * @param failingSince    start of the first run of that streak, when known
     */
    public record Snapshot(String instanceId, SensorDescriptor descriptor, RoleSettings display, Tags tags,
                           Duration interval, Duration budget, Optional<RunRecord> latest, Optional<RunRecord> latestFailure,
                           List<ChartPoints.Point> points, double downtimePercent, int failureStreak,
                           Optional<Instant> failingSince, long runs, long skippedRuns) {

        /** The latest status, empty before the first result. */
        public Optional<Status> status() {
            return latest.map(r -> r.result().status());
        }
    }

    public String instanceId() {
        return instanceId;
    }

    /** Adds a result and returns it with the downtime channel filled from this history. */
    public synchronized RunRecord record(SensorResult result) {
        SensorResult filled = history.record(result);
        runs.incrementAndGet();
        RunRecord record = new RunRecord(instanceId, descriptor, display, filled);
        if (filled.status() != Status.UP) {
            latestFailure = record;
            latest = record;
        } else {
            // The protocol trace of a good run is read by nobody after the outputs had it: thousands of
            // instances would keep kilobytes each for nothing (issue 17).
            latest = new RunRecord(instanceId, descriptor, display, new SensorResult(filled.status(),
                    filled.message(), filled.phase(), filled.channels(), filled.start(), filled.elapsed(), List.of()));
        }
        return record;
    }

    /** Counts a planned start dropped because the previous run was still going. */
    public void skipped() {
        skippedRuns.incrementAndGet();
    }

    /** Loads persisted history (oldest first) before the first run. */
    public synchronized void restore(String statusLetters, List<ChartPoints.Point> restoredPoints) {
        for (char letter : statusLetters.toCharArray()) {
            StatusLetters.parse(letter).ifPresent(history::add);
        }
        for (ChartPoints.Point point : restoredPoints) {
            if (point.values().length == descriptor.channels().size()) {
                history.addPoint(point.start(), point.status(), point.values());
            }
        }
    }

    /** Everything, with the chart points (the status page, the history file). */
    public synchronized Snapshot snapshot() {
        return snapshot(history.chartPoints());
    }

    /** Everything but the chart points: what metrics, JUnit XML and Icinga read, thousands at a time. */
    public synchronized Snapshot summary() {
        return snapshot(List.of());
    }

    private Snapshot snapshot(List<ChartPoints.Point> chart) {
        return new Snapshot(instanceId, descriptor, display, tags, interval, budget, Optional.ofNullable(latest),
                Optional.ofNullable(latestFailure), chart, history.downtimePercent(), history.failureStreak(),
                history.failingSince(), runs.get(), skippedRuns.get());
    }

    /** The kept statuses as letters, oldest first: what the history file stores for the downtime window. */
    public synchronized String statusLetters() {
        return StatusLetters.of(history.statuses());
    }
}
