package io.mailtrip.runner;

import io.mailtrip.host.ResultText;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running instance: one {@link Sensor} kept across runs (it may remember mailbox state), its
 * history, and the guard that keeps two of its runs from overlapping.
 */
public final class SensorInstance implements AutoCloseable {

    private final String id;
    private final SensorDescriptor descriptor;
    private final Sensor sensor;
    private final Duration interval;
    private final InstanceHistory history;
    private final AtomicBoolean running = new AtomicBoolean();

    public SensorInstance(String id, SensorDescriptor descriptor, Sensor sensor, Duration interval,
                          InstanceHistory history) {
        this.id = id;
        this.descriptor = descriptor;
        this.sensor = sensor;
        this.interval = interval;
        this.history = history;
    }

    public String id() {
        return id;
    }

    public Duration interval() {
        return interval;
    }

    public InstanceHistory history() {
        return history;
    }

    /** The longest one run may take. */
    public Duration budget() {
        return sensor.budget();
    }

    /** Claims the instance for one run; false when its previous run is still going. */
    boolean tryClaim() {
        return running.compareAndSet(false, true);
    }

    /** Runs once within the sensor's budget and records the result. Call only after {@link #tryClaim()}. */
    RunRecord runClaimed() {
        try {
            Instant start = Instant.now();
            long startNanos = System.nanoTime();
            SensorResult result;
            try {
                // Server text in the result is cleaned once here, for every output (issue 13).
                result = ResultText.cleaned(sensor.run(Deadline.in(sensor.budget())));
            } catch (RuntimeException | Error e) {
                // The SPI says a run never throws; a plugin that does still gets a result, not a dead thread.
                // Errors too: an OutOfMemoryError of one run frees its memory as it unwinds (issue 13).
                result = failed(start, startNanos, e);
            }
            return history.record(result);
        } finally {
            running.set(false);
        }
    }

    private SensorResult failed(Instant start, long startNanos, Throwable e) {
        Map<String, ChannelValue> channels = new LinkedHashMap<>();
        for (ChannelDescriptor channel : descriptor.channels()) {
            channels.put(channel.key(), ChannelValue.notMeasured());
        }
        return new SensorResult(Status.UNKNOWN, "sensor failed: " + e.getClass().getName(), "internal", channels,
                start, Duration.ofNanos(System.nanoTime() - startNanos), List.of());
    }

    @Override
    public void close() {
        sensor.close();
    }
}
