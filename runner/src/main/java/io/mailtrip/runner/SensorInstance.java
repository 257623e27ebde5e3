package io.mailtrip.runner;

import io.mailtrip.host.GuardedRun;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running instance: one {@link Sensor} kept across runs (it may remember mailbox state), its
 * {@link InstanceState} (history and latest results), and the guard that keeps two of its runs from overlapping.
 */
public final class SensorInstance implements AutoCloseable {

    private final String id;
    private final SensorDescriptor descriptor;
    private final Sensor sensor;
    private final Duration interval;
    private final InstanceState state;
    private final AtomicBoolean running = new AtomicBoolean();

    public SensorInstance(String id, SensorDescriptor descriptor, Sensor sensor, Duration interval,
                          InstanceState state) {
        this.id = id;
        this.descriptor = descriptor;
        this.sensor = sensor;
        this.interval = interval;
        this.state = state;
    }

    public String id() {
        return id;
    }

    public Duration interval() {
        return interval;
    }

    public InstanceState state() {
        return state;
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
            return state.record(GuardedRun.run(sensor, descriptor, Deadline.in(sensor.budget())));
        } finally {
            running.set(false);
        }
    }

    @Override
    public void close() {
        sensor.close();
    }
}
