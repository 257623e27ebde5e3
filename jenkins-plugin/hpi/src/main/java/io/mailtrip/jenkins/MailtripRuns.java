package io.mailtrip.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import io.mailtrip.jenkins.core.BoundInstance;
import io.mailtrip.jenkins.core.SensorRuns;
import io.mailtrip.jenkins.core.StatusViewModel;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.SensorResult;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Glue between Jenkins and core's {@link SensorRuns} (the run loop, tested in core): binds the saved
 * configuration with Jenkins' credentials and hands it over. Results are state, not configuration, so
 * they live in core's run loop and not in {@link MailtripGlobalConfiguration}.
 */
@Extension
public final class MailtripRuns {

    static final Duration TICK = Duration.ofMinutes(1);
    static final int HISTORY_SIZE = 1440;
    /** Sensors that may run at the same time; a slow one holds one thread and no other sensor. */
    static final int THREADS = 4;

    private final SensorRuns runs = new SensorRuns(TICK, HISTORY_SIZE, THREADS);

    public static MailtripRuns get() {
        return ExtensionList.lookupSingleton(MailtripRuns.class);
    }

    /**
     * Binds every configured instance over the global defaults; core creates a sensor again only when its
     * resolved values changed (its own, an inherited default, or a credential's user or password).
     */
    List<String> sync(PrintStream log) {
        MailtripGlobalConfiguration configuration = MailtripGlobalConfiguration.get();
        Map<String, String> defaults = configuration.getDefaults().formValues(true);
        List<SensorRuns.Configured> configured = new ArrayList<>();
        for (SensorInstanceConfig config : configuration.getSensors()) {
            try {
                BoundInstance bound = PluginSensors.binding(config.getSensorId())
                        .bind(config.formValues(true), defaults, JenkinsCredentials.SYSTEM);
                configured.add(new SensorRuns.Configured(bound, PluginSensors.provider(config.getSensorId())));
            } catch (ConfigurationException | ConfigurationException e) {
                log.println(config.getInstanceId() + ": not run: " + e.getMessage());
            }
        }
        return runs.sync(configured, Instant.now(), log);
    }

    /** The configuration was saved: take it now, so the status page shows it before the next tick. */
    void configurationChanged() {
        sync(new PrintStream(OutputStream.nullOutputStream()));
    }

    /** Starts the instances due now on core's pool and returns at once, with their results to come. */
    Map<String, CompletableFuture<SensorResult>> runDue(PrintStream log) {
        sync(log);
        return runs.startDue(Instant.now(), log);
    }

    /** Starts one instance now, unless it is running already (runs of one instance never overlap). */
    Optional<CompletableFuture<SensorResult>> run(String id, PrintStream log) {
        return runs.start(id, log);
    }

    StatusViewModel view(Locale locale) {
        return runs.view(locale, ZoneId.systemDefault());
    }

    /** Jenkins is stopping: no new runs; runs in progress end at their deadline. */
    @Terminator
    public void stop() {
        runs.close();
    }
}
