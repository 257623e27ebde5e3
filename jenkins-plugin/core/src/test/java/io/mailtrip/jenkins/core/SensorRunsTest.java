package io.mailtrip.jenkins.core;

import io.mailtrip.host.InheritedSettings;
import io.mailtrip.host.SettingsLayer;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jenkins host's run loop without Jenkins: due sensors on a bounded pool, a blocked sensor holding
 * only its own thread, and sensors created again only when their configuration changed.
 */
class SensorRunsTest {

    private static final Duration TICK = Duration.ofMinutes(1);

    /** A sensor whose behaviour is chosen by its {@code mode}: {@code block} waits for the test to release it. */
    private static final class ScriptedProvider implements SensorProvider {
        final SensorDescriptor descriptor = new SensorDescriptor("scripted", "io.mailtrip.jenkins.core.scripted",
                getClass().getClassLoader(), List.of(), Duration.ofSeconds(60), List.of(new SettingSection("main",
                "Main", List.of(
                        SettingDescriptor.builder("interval", SettingType.INTEGER).section("main").defaultValue("60")
                                .range(1, 3600).role(SettingRole.INTERVAL).build(),
                        SettingDescriptor.builder("mode", SettingType.ENUM).section("main").option("ok", "OK")
                                .option("block", "Block").option("refuse", "Refuse").option("exhaust", "Exhaust")
                                .defaultValue("ok").build()))),
                List.of(new ChannelDescriptor("time", "Time", "ms", "how long"),
                        new ChannelDescriptor(ChannelDescriptor.DOWNTIME, "Downtime", "%", "share of DOWN")));
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch blocking = new CountDownLatch(1);
        final AtomicInteger created = new AtomicInteger();
        final Map<Sensor, Boolean> closed = new ConcurrentHashMap<>();

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public SensorDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Sensor create(Settings settings) {
            if (settings.text("mode").equals("refuse")) {
                throw new ConfigurationException("mode", "refused by the sensor");
            }
            created.incrementAndGet();
            boolean blocks = settings.text("mode").equals("block");
            boolean exhausts = settings.text("mode").equals("exhaust");
            Sensor sensor = new Sensor() {
                @Override
                public SensorResult run(Deadline deadline) {
                    if (exhausts) {
                        throw new OutOfMemoryError("Java heap space");
                    }
                    if (blocks) {
                        blocking.countDown();
                        try {
                            release.await(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return new SensorResult(Status.UP, "ran", "main", Map.of("time", ChannelValue.of(1),
                            ChannelDescriptor.DOWNTIME, ChannelValue.notMeasured()), Instant.now(), Duration.ZERO,
                            List.of());
                }

                @Override
                public Duration budget() {
                    return Duration.ofSeconds(30);
                }

                @Override
                public void close() {
                    closed.put(this, true);
                }
            };
            closed.put(sensor, false);
            return sensor;
        }
    }

    private final ScriptedProvider provider = new ScriptedProvider();
    private final SensorRuns runs = new SensorRuns(TICK, 10, 2);
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @AfterEach
    void releaseAndClose() {
        provider.release.countDown();
        runs.close();
    }

    private SensorRuns.Configured instance(String id, String mode) {
        SensorDescriptor descriptor = provider.descriptor();
        InheritedSettings inherited = InheritedSettings.resolve(descriptor,
                List.of(SettingsLayer.of("sensor", id, Map.of("mode", mode))));
        return new SensorRuns.Configured(new BoundInstance(id, Settings.parse(descriptor, inherited.values()),
                inherited), provider);
    }

    @Test
    void aBlockedSensorHoldsOnlyItsOwnThreadAndIsNotStartedTwice() throws Exception {
        Instant now = Instant.now();
        runs.sync(List.of(instance("slow", "block"), instance("fast", "ok"), instance("fast2", "ok")), now, log);

        // Both pool threads may be taken by slow and fast; fast2 queues behind fast, never behind slow.
        Map<String, CompletableFuture<SensorResult>> started = runs.startDue(now, log);

        assertThat(started).containsOnlyKeys("slow", "fast", "fast2");
        assertThat(started.get("fast2").get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.UP);
        assertThat(started.get("fast").get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.UP);
        assertThat(started.get("slow")).isNotDone();
        assertThat(runs.start("slow", log)).as("runs of one instance never overlap").isEmpty();
        StatusViewModel view = runs.view(Locale.ROOT, ZoneOffset.UTC);
        assertThat(view.rows()).extracting(StatusRow::statusText).containsExactly("not run yet", "UP", "UP");

        // The next tick starts the fast ones again while slow still blocks.
        Map<String, CompletableFuture<SensorResult>> next = runs.startDue(now.plus(TICK), log);
        assertThat(next).containsOnlyKeys("fast", "fast2");
        for (CompletableFuture<SensorResult> run : next.values()) {
            assertThat(run.get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.UP);
        }
        assertThat(started.get("slow")).isNotDone();

        provider.release.countDown();
        assertThat(started.get("slow").get(5, TimeUnit.SECONDS).status()).isEqualTo(Status.UP);
        assertThat(runs.view(Locale.ROOT, ZoneOffset.UTC).rows().get(0).statusText()).isEqualTo("UP");
        assertThat(logged.toString()).contains("slow: UP ran", "fast: UP ran");
    }

    @Test
    void aRunThatThrowsAnErrorIsAnUnknownResultAndTheInstanceRunsAgain() throws Exception {
        Instant now = Instant.now();
        runs.sync(List.of(instance("exhausted", "exhaust")), now, log);

        SensorResult result = runs.startDue(now, log).get("exhausted").get(5, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(Status.UNKNOWN);
        assertThat(result.phase()).isEqualTo("internal");
        assertThat(result.message()).isEqualTo("sensor failed: java.lang.OutOfMemoryError");
        assertThat(runs.view(Locale.ROOT, ZoneOffset.UTC).rows().get(0).statusText()).isEqualTo("UNKNOWN");
        assertThat(runs.startDue(now.plus(TICK), log)).as("not left running").containsOnlyKeys("exhausted");
    }

    @Test
    void aSensorIsCreatedAgainOnlyWhenItsConfigurationChanged() {
        Instant now = Instant.now();
        runs.sync(List.of(instance("a", "ok"), instance("b", "ok")), now, log);
        runs.sync(List.of(instance("a", "ok"), instance("b", "ok")), now, log);
        assertThat(provider.created).hasValue(2);
        assertThat(provider.closed.values()).containsOnly(false);

        runs.sync(List.of(instance("a", "block"), instance("b", "ok")), now, log);
        assertThat(provider.created).hasValue(3);
        assertThat(provider.closed.values()).containsExactlyInAnyOrder(true, false, false);

        assertThat(runs.sync(List.of(instance("b", "ok")), now, log)).containsExactly("b");
        assertThat(provider.closed.values()).containsExactlyInAnyOrder(true, true, false);
        assertThat(runs.view(Locale.ROOT, ZoneOffset.UTC).rows()).extracting(StatusRow::instanceId)
                .containsExactly("b");
    }

    @Test
    void aSensorReplacedWhileRunningIsClosedWhenItsRunEnds() throws Exception {
        Instant now = Instant.now();
        runs.sync(List.of(instance("a", "block")), now, log);
        CompletableFuture<SensorResult> run = runs.startDue(now, log).get("a");
        assertThat(provider.blocking.await(5, TimeUnit.SECONDS)).isTrue();

        runs.sync(List.of(instance("a", "ok")), now, log);
        assertThat(provider.closed.values()).as("the running sensor is not closed under its run")
                .containsOnly(false);

        provider.release.countDown();
        run.get(5, TimeUnit.SECONDS);
        assertThat(waitUntil(() -> provider.closed.containsValue(true))).isTrue();
        assertThat(provider.closed.values()).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aSensorThatRefusesItsSettingsIsLoggedAndNotRun() {
        List<String> ids = runs.sync(List.of(instance("bad", "refuse"), instance("good", "ok")), Instant.now(), log);

        assertThat(ids).containsExactly("good");
        assertThat(logged.toString()).contains("bad: not run: mode: refused by the sensor");
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
