package io.mailtrip.runner;

import io.mailtrip.host.RoleSettings;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.Status;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One configured runner: the sensor instances, their histories, the outputs and the scheduler, wired
 * from a {@link RunnerConfig}. Used either once ({@link #runOnce()}) or continuously ({@link #start()}
 * until {@link #close()}).
 */
public final class Runner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("mailtrip");
    private static final Duration FLUSH_PERIOD = Duration.ofSeconds(1);
    private static final Duration HISTORY_SAVE_PERIOD = Duration.ofSeconds(60);

    private final RunnerConfig config;
    private final List<SensorInstance> instances;
    private final ResultBoard board;
    private final List<ResultOutput> outputs;
    private final Optional<HistoryStore> historyStore;
    private final Scheduler scheduler;
    /** Saves the history off the timer thread: a new snapshot takes long enough to delay starts. */
    private final ExecutorService historyWriter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mailtrip-history");
        thread.setDaemon(true);
        return thread;
    });
    private final PrintStream messages;
    private final AtomicBoolean closed = new AtomicBoolean();
    private HttpEndpoint http;

    private Runner(RunnerConfig config, List<SensorInstance> instances, ResultBoard board, List<ResultOutput> outputs,
                   Optional<HistoryStore> historyStore, PrintStream messages) {
        this.config = config;
        this.instances = instances;
        this.board = board;
        this.outputs = outputs;
        this.historyStore = historyStore;
        this.messages = messages;
        this.scheduler = new Scheduler(instances, this::deliver);
    }

    /**
     * Creates the sensors and opens the outputs.
     *
     * @param console  where console lines go
     * @param messages where notices and warnings go
     * @throws ConfigurationException when a sensor refuses its settings (an unreadable trust store, say) or an
     *                         output file cannot be opened
     */
    public static Runner create(RunnerConfig config, PrintStream console, PrintStream messages) {
        List<SensorInstance> instances = createSensors(config);
        ResultBoard board = new ResultBoard(instances.stream().map(SensorInstance::state).toList());
        Optional<HistoryStore> store = config.history().file().map(file -> new HistoryStore(file, board));
        store.flatMap(HistoryStore::load).ifPresent(w -> messages.println("warning: " + w));
        List<ResultOutput> outputs = new ArrayList<>();
        try {
            // JSON on standard output must stay parseable, so console lines give way to it.
            if (!config.jsonLines().equals(Optional.of(RunnerConfig.STDOUT))) {
                outputs.add(new ConsoleOutput(console));
            }
            if (config.jsonLines().isPresent()) {
                String target = config.jsonLines().get();
                outputs.add(target.equals(RunnerConfig.STDOUT) ? JsonLinesOutput.toStream(console)
                        : JsonLinesOutput.appendingTo(Path.of(target)));
            }
        } catch (IOException e) {
            instances.forEach(SensorInstance::close);
            throw new ConfigurationException("jsonLines", "cannot open " + config.jsonLines().get() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        config.junitXml().ifPresent(path -> outputs.add(new JunitXmlFile(path, board)));
        if (config.icinga().isPresent()) {
            Map<String, Duration> ttl = new HashMap<>();
            // Silent for two intervals plus a run's deadline: then Icinga says UNKNOWN.
            instances.forEach(i -> ttl.put(i.id(), i.interval().multipliedBy(2).plus(i.budget())));
            try {
                outputs.add(new IcingaOutput(config.icinga().get(), ttl::get));
            } catch (IOException e) {
                outputs.forEach(ResultOutput::close);
                instances.forEach(SensorInstance::close);
                throw new ConfigurationException("icinga.caFile", e.getMessage());
            }
        }
        return new Runner(config.withoutInstances(), instances, board, outputs, store, messages);
    }

    private static List<SensorInstance> createSensors(RunnerConfig config) {
        List<SensorInstance> instances = new ArrayList<>();
        List<ConfigurationProblem> problems = new ArrayList<>();
        for (InstanceConfig instance : config.instances()) {
            try {
                Sensor sensor = instance.provider().create(instance.settings());
                InstanceState state = new InstanceState(instance.id(), instance.provider().descriptor(),
                        RoleSettings.of(instance.settings()), instance.tags(), sensor.budget(),
                        config.history().size());
                instances.add(new SensorInstance(instance.id(), instance.provider().descriptor(), sensor,
                        instance.interval(), state));
            } catch (ConfigurationException e) {
                problems.addAll(e.locatedAt(instance.location()).problems());
            }
        }
        if (!problems.isEmpty()) {
            instances.forEach(SensorInstance::close);
            throw new ConfigurationException(problems);
        }
        return instances;
    }

    /** What the Icinga output delivered, queued and dropped so far; empty without one. */
    Optional<IcingaOutput.Counts> icingaCounts() {
        return outputs.stream().filter(IcingaOutput.class::isInstance).map(o -> ((IcingaOutput) o).counts())
                .findFirst();
    }

    public ResultBoard board() {
        return board;
    }

    public List<SensorInstance> instances() {
        return instances;
    }

    /** Runs every instance once, concurrently, and returns the records (outputs flushed). */
    public List<RunRecord> runOnce() throws InterruptedException {
        List<RunRecord> records = scheduler.runAllOnce();
        flushOutputs();
        saveHistory();
        return records;
    }

    /** The worst status of {@code records}: what {@code --once} turns into its exit code. */
    public static Status worst(List<RunRecord> records) {
        return records.stream().map(r -> r.result().status()).reduce(Status.UP, Status::worst);
    }

    /**
     * Starts scheduling and, when configured, HTTP.
     *
     * @throws ConfigurationException when the HTTP port cannot be bound
     */
    public void start() {
        config.http().ifPresent(settings -> {
            try {
                http = HttpEndpoint.start(settings, board, config.language(), scheduler::health);
                LOG.info("serving http://" + settings.address() + ":" + http.port()
                        + "/ (status page), /metrics, /api/results, /healthz");
            } catch (IOException | UncheckedIOException e) {
                throw new ConfigurationException("http", "cannot listen on " + settings.address() + ":"
                        + settings.port() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        });
        scheduler.every(FLUSH_PERIOD, this::flushOutputs);
        historyStore.ifPresent(store -> scheduler.every(HISTORY_SAVE_PERIOD,
                () -> historyWriter.execute(this::saveHistory)));
        scheduler.start();
    }

    private void deliver(RunRecord record) {
        historyStore.ifPresent(store -> store.recorded(record));
        for (ResultOutput output : outputs) {
            try {
                output.accept(record);
            } catch (RuntimeException e) {
                LOG.warning(e.getMessage());
            }
        }
    }

    private void flushOutputs() {
        for (ResultOutput output : outputs) {
            try {
                output.flush();
            } catch (RuntimeException e) {
                LOG.warning(e.getMessage());
            }
        }
    }

    private void saveHistory() {
        historyStore.ifPresent(store -> {
            try {
                store.save();
            } catch (IOException e) {
                LOG.warning("cannot save history " + config.history().file().orElseThrow() + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        });
    }

    /**
     * Graceful stop: no new runs, in-flight runs finish or end at their deadline, then files are
     * completed atomically and the sensors closed.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        scheduler.stop();
        if (http != null) {
            http.close();
        }
        for (ResultOutput output : outputs) {
            try {
                output.close();
            } catch (RuntimeException e) {
                LOG.warning(e.getMessage());
            }
        }
        historyWriter.shutdown();
        try {
            historyWriter.awaitTermination(HISTORY_SAVE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        saveHistory();
        instances.forEach(SensorInstance::close);
    }
}
