package io.mailtrip.runner;

import io.mailtrip.host.ScheduleSpread;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Starts every instance at its interval. One timer thread only decides what is due (fixed-rate
 * ticks: planned start + interval, so no drift); runs happen on a pool that holds a thread only while a
 * run is in progress, so thousands of idle instances cost no threads. A tick that finds the previous
 * run of its instance still going is skipped and counted: runs of one instance never overlap, and
 * a slow server delays nobody else.
 */
public final class Scheduler {

    /** How far apart first starts are spread per instance, up to one interval (no thundering herd). */
    private static final Duration SPREAD_PER_INSTANCE = Duration.ofMillis(50);
    private static final Duration STOP_MARGIN = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger("mailtrip");
    /** {@code /healthz} fails when the timer thread has not ticked for this long. */
    static final Duration HEALTHY_TICK_AGE = Duration.ofSeconds(10);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private final List<SensorInstance> instances;
    private final Consumer<RunRecord> sink;
    private volatile long lastTickNanos;
    private volatile boolean started;
    private final ScheduledExecutorService timer;
    private final ExecutorService runs;

    public Scheduler(List<SensorInstance> instances, Consumer<RunRecord> sink) {
        this.instances = List.copyOf(instances);
        this.sink = sink;
        ScheduledThreadPoolExecutor timerPool = new ScheduledThreadPoolExecutor(1, named("mailtrip-timer"));
        timerPool.setRemoveOnCancelPolicy(true);
        this.timer = timerPool;
        this.runs = Executors.newCachedThreadPool(named("mailtrip-run"));
    }

    /** Schedules every instance, first starts spread over a window that grows with the instance count. */
    public void start() {
        lastTickNanos = System.nanoTime();
        started = true;
        // The timer thread proves it is alive every second, even when no instance is due.
        timer.scheduleAtFixedRate(() -> lastTickNanos = System.nanoTime(), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        for (SensorInstance instance : instances) {
            long intervalMillis = Math.max(1, instance.interval().toMillis());
            long window = Math.min(intervalMillis, SPREAD_PER_INSTANCE.toMillis() * instances.size());
            long firstDelay = ScheduleSpread.slot(instance.id(), window);
            timer.scheduleAtFixedRate(() -> tick(instance), firstDelay, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs {@code task} on the timer thread every {@code period} (output flushes); it must be quick. */
    public void every(Duration period, Runnable task) {
        timer.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warning(e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs every instance once, concurrently, and returns the records in configuration order. */
    public List<RunRecord> runAllOnce() throws InterruptedException {
        List<Future<RunRecord>> futures = new ArrayList<>();
        for (SensorInstance instance : instances) {
            if (instance.tryClaim()) {
                futures.add(runs.submit(() -> deliver(instance.runClaimed())));
            }
        }
        List<RunRecord> records = new ArrayList<>();
        for (Future<RunRecord> future : futures) {
            try {
                records.add(future.get());
            } catch (ExecutionException e) {
                LOG.warning("a run failed outside the sensor: " + e.getCause());
            }
        }
        return records;
    }

    /**
     * What {@code /healthz} says.
     *
     * @param healthy     started, not stopped, and the timer ticked within {@link #HEALTHY_TICK_AGE}
     * @param lastTickAge how long ago the timer thread last ran
     */
    public record Health(boolean healthy, Duration lastTickAge, int instances) {
    }

    public Health health() {
        Duration age = Duration.ofNanos(System.nanoTime() - lastTickNanos);
        boolean alive = started && !timer.isShutdown() && age.compareTo(HEALTHY_TICK_AGE) < 0;
        return new Health(alive, started ? age : Duration.ZERO, instances.size());
    }

    private void tick(SensorInstance instance) {
        lastTickNanos = System.nanoTime();
        if (!instance.tryClaim()) {
            instance.state().skipped();
            return;
        }
        try {
            runs.execute(() -> deliver(instance.runClaimed()));
        } catch (RejectedExecutionException e) {
            // Stopping: the pool no longer takes runs. Nothing started, so nothing to record.
        }
    }

    private RunRecord deliver(RunRecord record) {
        try {
            sink.accept(record);
        } catch (RuntimeException e) {
            LOG.warning("output failed for " + record.instanceId() + ": " + e);
        }
        return record;
    }

    /**
     * Stops planning runs and waits for those in flight: each ends by its own deadline, so the wait is
     * bounded by the longest budget (plus a margin); a run still going after that is interrupted.
     */
    public void stop() {
        timer.shutdownNow();
        runs.shutdown();
        Duration longest = instances.stream().map(SensorInstance::budget).max(Duration::compareTo)
                .orElse(Duration.ZERO).plus(STOP_MARGIN);
        try {
            if (!runs.awaitTermination(longest.toMillis(), TimeUnit.MILLISECONDS)) {
                runs.shutdownNow();
                runs.awaitTermination(STOP_MARGIN.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            runs.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            // The main thread decides when the process ends; these threads must not keep it alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
