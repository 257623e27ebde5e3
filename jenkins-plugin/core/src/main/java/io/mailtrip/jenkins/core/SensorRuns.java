package io.mailtrip.jenkins.core;

import io.mailtrip.host.ResultHistory;
import io.mailtrip.host.GuardedRun;
import io.mailtrip.host.RoleSettings;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.SensorResult;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Jenkins host's run loop, free of Jenkins so it is tested here: one {@link Sensor} per configured
 * instance, kept across runs (it remembers the mailbox) and created again only when the instance's
 * resolved configuration changed; its {@link ResultHistory}; and its place in the {@link DueSchedule}.
 * Due instances run on a bounded pool of threads: a slow sensor holds one thread and never delays the
 * others, and an instance still running is not started again (runs of one instance never overlap).
 * Results are state, not configuration, so they live here. Thread-safe.
 */
public final class SensorRuns implements AutoCloseable {

    /**
     * One configured instance, bound by the host.
     *
     * @param bound    its settings and where each value came from
     * @param provider the sensor that runs it
     */
    public record Configured(BoundInstance bound, SensorProvider provider) {
    }

    /** A created sensor, what it was created from (in memory only), and whether a run holds it. */
    private static final class Live {
        final String sensorId;
        final Map<String, String> resolved;
        final BoundInstance bound;
        final SensorDescriptor descriptor;
        final Sensor sensor;
        boolean running;
        boolean retired;

        Live(String sensorId, Map<String, String> resolved, BoundInstance bound, SensorDescriptor descriptor,
             Sensor sensor) {
            this.sensorId = sensorId;
            this.resolved = resolved;
            this.bound = bound;
            this.descriptor = descriptor;
            this.sensor = sensor;
        }
    }

    private final DueSchedule schedule;
    private final int historySize;
    private final ThreadPoolExecutor pool;
    private final Map<String, Live> live = new LinkedHashMap<>();
    private final Map<String, ResultHistory> histories = new LinkedHashMap<>();

    /**
     * @param tick        the period of the host's tick (one minute in Jenkins)
     * @param historySize results kept per instance: the downtime window
     * @param threads     sensors that may run at the same time
     */
    public SensorRuns(Duration tick, int historySize, int threads) {
        this.schedule = new DueSchedule(tick);
        this.historySize = historySize;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "mailtrip-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Takes the configured instances: creates the sensor of a new instance, creates it again when its
     * resolved values changed (its own, an inherited default, a credential's user or password, the sensor),
     * keeps it otherwise, and forgets instances no longer configured. A sensor that refuses its settings is
     * logged and not run.
     *
     * @return the ids that run from now on
     */
    public synchronized List<String> sync(List<Configured> instances, Instant now, PrintStream log) {
        List<String> ids = new ArrayList<>();
        for (Configured configured : instances) {
            BoundInstance bound = configured.bound();
            String id = bound.instanceId();
            Map<String, String> resolved = bound.inherited().values();
            Live current = live.get(id);
            try {
                if (current == null || !current.resolved.equals(resolved)
                        || !current.sensorId.equals(configured.provider().id())) {
                    Sensor sensor = configured.provider().create(bound.settings());
                    if (current != null) {
                        retire(current);
                    }
                    live.put(id, new Live(configured.provider().id(), Map.copyOf(resolved), bound,
                            configured.provider().descriptor(), sensor));
                }
                // The charts draw from the history's points: no full result beyond the latest is kept.
                histories.computeIfAbsent(id, k -> new ResultHistory(historySize, 1, configured.provider().descriptor()
                        .channels().stream().map(ChannelDescriptor::key).toList(), historySize));
                schedule.plan(id, RoleSettings.of(bound.settings()).interval(), now);
                ids.add(id);
            } catch (ConfigurationException e) {
                log.println(id + ": not run: " + e.getMessage());
            }
        }
        List<String> gone = new ArrayList<>(live.keySet());
        gone.removeAll(ids);
        for (String id : gone) {
            retire(live.remove(id));
        }
        histories.keySet().retainAll(ids);
        schedule.retainOnly(ids);
        return ids;
    }

    /**
     * Starts the instances due at {@code now} on the pool and returns at once.
     *
     * @return the instances started, in configuration order, with their results to come
     */
    public Map<String, CompletableFuture<SensorResult>> startDue(Instant now, PrintStream log) {
        Map<String, CompletableFuture<SensorResult>> started = new LinkedHashMap<>();
        for (String id : schedule.dueAt(now)) {
            start(id, log).ifPresent(run -> started.put(id, run));
        }
        return started;
    }

    /**
     * Starts one instance now ("run now"), unless it is unknown or still running.
     *
     * @return its result to come
     */
    public Optional<CompletableFuture<SensorResult>> start(String id, PrintStream log) {
        Live instance;
        ResultHistory history;
        synchronized (this) {
            instance = live.get(id);
            history = histories.get(id);
            if (instance == null || instance.running || instance.retired) {
                return Optional.empty();
            }
            instance.running = true;
        }
        return Optional.of(CompletableFuture.supplyAsync(() -> {
            try {
                Sensor sensor = instance.sensor;
                // Always a result, its server text cleaned for every page and file (issue 13).
                SensorResult result = history.record(GuardedRun.run(sensor, instance.descriptor,
                        Deadline.in(sensor.budget())));
                schedule.startedAt(id, result.start());
                log.println(id + ": " + result.status() + " " + result.message());
                return result;
            } finally {
                finished(instance);
            }
        }, pool));
    }

    /** The status page's rows, in configuration order. */
    public synchronized StatusViewModel view(Locale locale, ZoneId zone) {
        List<StatusViewModel.Source> sources = new ArrayList<>();
        live.forEach((id, l) -> sources.add(new StatusViewModel.Source(id, l.bound.settings(), histories.get(id),
                l.sensor.budget())));
        return StatusViewModel.of(sources, locale, zone);
    }

    /** Stops the pool (runs in progress end at their deadline) and closes every idle sensor. */
    @Override
    public synchronized void close() {
        pool.shutdown();
        live.values().forEach(this::retire);
        live.clear();
    }

    /** Closes a sensor now, or when its run ends. */
    private synchronized void retire(Live instance) {
        instance.retired = true;
        if (!instance.running) {
            instance.sensor.close();
        }
    }

    private synchronized void finished(Live instance) {
        instance.running = false;
        if (instance.retired) {
            instance.sensor.close();
        }
    }
}
