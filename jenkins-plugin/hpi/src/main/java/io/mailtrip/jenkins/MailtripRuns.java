package io.mailtrip.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import io.mailtrip.jenkins.core.BoundInstance;
import io.mailtrip.jenkins.core.DueSchedule;
import io.mailtrip.jenkins.core.FormBindingException;
import io.mailtrip.jenkins.core.RoleSettings;
import io.mailtrip.jenkins.core.SensorHistory;
import io.mailtrip.jenkins.core.StatusViewModel;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
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
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live side of the configuration: one {@link Sensor} per instance (reused across runs, it keeps
 * mailbox state), its history and its place in the due schedule. Results are state, not configuration,
 * so they live here and not in {@link MailtripGlobalConfiguration}.
 */
@Extension
public final class MailtripRuns {

    static final Duration TICK = Duration.ofMinutes(1);
    static final int HISTORY_SIZE = 1440;

    private final DueSchedule schedule = new DueSchedule(TICK);
    private final Map<String, Live> live = new LinkedHashMap<>();
    private final Map<String, SensorHistory> histories = new LinkedHashMap<>();

    /** A created sensor and the resolved values it was created from (in memory only). */
    private record Live(Map<String, String> resolved, BoundInstance bound, Sensor sensor, ReentrantLock running) {
    }

    public static MailtripRuns get() {
        return ExtensionList.lookupSingleton(MailtripRuns.class);
    }

    void configurationChanged() {
        synchronized (this) {
            live.values().forEach(l -> l.sensor().close());
            live.clear();
        }
    }

    /**
     * Binds every configured instance over the global defaults, recreating a sensor only when its resolved
     * values changed (its own, an inherited default, or a credential's user or password).
     */
    synchronized List<String> sync(PrintStream log) {
        List<String> ids = new ArrayList<>();
        Instant now = Instant.now();
        MailtripGlobalConfiguration configuration = MailtripGlobalConfiguration.get();
        Map<String, String> defaults = configuration.getDefaults().formValues(true);
        for (SensorInstanceConfig config : configuration.getSensors()) {
            String id = config.getInstanceId();
            try {
                Live current = live.get(id);
                BoundInstance bound = PluginSensors.binding(config.getSensorId())
                        .bind(config.formValues(true), defaults, JenkinsCredentials.SYSTEM);
                Map<String, String> resolved = bound.inherited().values();
                if (current == null || !current.resolved().equals(resolved)) {
                    if (current != null) {
                        current.sensor().close();
                    }
                    Sensor sensor = PluginSensors.provider(config.getSensorId()).create(bound.settings());
                    live.put(id, new Live(Map.copyOf(resolved), bound, sensor, new ReentrantLock()));
                }
                histories.computeIfAbsent(id, k -> new SensorHistory(HISTORY_SIZE));
                schedule.plan(id, RoleSettings.interval(bound.settings()), now);
                ids.add(id);
            } catch (FormBindingException | ConfigurationException e) {
                log.println(id + ": not run: " + e.getMessage());
            }
        }
        live.keySet().retainAll(ids);
        histories.keySet().retainAll(ids);
        schedule.retainOnly(ids);
        return ids;
    }

    /** Runs the instances due now, one after the other. */
    void runDue(PrintStream log) {
        sync(log);
        for (String id : schedule.dueAt(Instant.now())) {
            run(id, log);
        }
    }

    /** Runs one instance now, unless it is running already (runs of one instance never overlap). */
    Optional<SensorResult> run(String id, PrintStream log) {
        Live instance;
        SensorHistory history;
        synchronized (this) {
            instance = live.get(id);
            history = histories.get(id);
        }
        if (instance == null || !instance.running().tryLock()) {
            return Optional.empty();
        }
        try {
            Sensor sensor = instance.sensor();
            SensorResult result = history.record(sensor.run(Deadline.in(sensor.budget())));
            schedule.startedAt(id, result.start());
            log.println(id + ": " + result.status() + " " + result.message());
            return Optional.of(result);
        } finally {
            instance.running().unlock();
        }
    }

    synchronized StatusViewModel view(Locale locale) {
        List<StatusViewModel.Source> sources = new ArrayList<>();
        live.forEach((id, l) -> sources.add(new StatusViewModel.Source(id, l.bound().settings(), histories.get(id))));
        return StatusViewModel.of(sources, locale, ZoneId.systemDefault());
    }
}
