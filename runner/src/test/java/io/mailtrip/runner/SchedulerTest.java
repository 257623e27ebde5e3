package io.mailtrip.runner;

import io.mailtrip.host.RoleSettings;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static SensorInstance roundTrip(String id, Map<String, String> raw) {
        SensorProvider provider = Sensors.roundTripProvider();
        Settings settings = Settings.parse(provider.descriptor(), raw);
        return new SensorInstance(id, provider.descriptor(), provider.create(settings), Duration.ofSeconds(1),
                new InstanceState(id, provider.descriptor(), RoleSettings.of(settings), 100));
    }

    @Test
    void aHungServerDelaysNobodyElseAndItsRunsNeverOverlap() throws Exception {
        try (HungServer hung = new HungServer()) {
            Map<String, String> hungSettings = MailServers.plainSettings(GREEN_MAIL);
            hungSettings.put("smtpPort", String.valueOf(hung.port()));
            hungSettings.put("smtpTimeout", "4");
            SensorInstance stuck = roundTrip("stuck", hungSettings);
            SensorInstance healthy = roundTrip("healthy", MailServers.plainSettings(GREEN_MAIL));
            List<RunRecord> records = new CopyOnWriteArrayList<>();
            Scheduler scheduler = new Scheduler(List.of(stuck, healthy), records::add);

            scheduler.start();
            try {
                await(Duration.ofSeconds(30), () -> of(records, "stuck").size() >= 2);
            } finally {
                scheduler.stop();
            }

            List<RunRecord> stuckRuns = of(records, "stuck");
            Instant firstStuckEnd = end(stuckRuns.get(0));
            long healthyWhileStuck = of(records, "healthy").stream()
                    .filter(r -> end(r).isBefore(firstStuckEnd)).count();
            assertThat(healthyWhileStuck).as("healthy results during the first hung run").isGreaterThanOrEqualTo(3);
            assertThat(of(records, "healthy")).allSatisfy(r -> assertThat(r.result().status()).isEqualTo(Status.UP));
            assertThat(stuckRuns).allSatisfy(r -> {
                assertThat(r.result().status()).isEqualTo(Status.DOWN);
                assertThat(r.result().phase()).isEqualTo("smtp");
            });
            for (int i = 1; i < stuckRuns.size(); i++) {
                assertThat(stuckRuns.get(i).result().start()).as("run %d starts after run %d ended", i, i - 1)
                        .isAfterOrEqualTo(end(stuckRuns.get(i - 1)));
            }
            assertThat(stuck.state().snapshot().skippedRuns()).isPositive();
            assertThat(hung.accepted()).isBetween(stuckRuns.size(), stuckRuns.size() + 1);
        }
    }

    @Test
    void twoThousandInstancesNeedFarFewerThreads() throws Exception {
        SensorDescriptor descriptor = FakeSensor.descriptor();
        List<SensorInstance> instances = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            instances.add(new SensorInstance("fake" + i, descriptor, new FakeSensor(Duration.ofMillis(20)),
                    Duration.ofSeconds(1),
                    new InstanceState("fake" + i, descriptor, new RoleSettings(java.time.Duration.ofSeconds(60), java.util.Optional.empty(), java.util.Optional.empty()), 10)));
        }
        AtomicInteger results = new AtomicInteger();
        Scheduler scheduler = new Scheduler(instances, r -> results.incrementAndGet());
        int peakRunThreads = 0;

        scheduler.start();
        try {
            long end = System.nanoTime() + Duration.ofMillis(3500).toNanos();
            while (System.nanoTime() < end) {
                int runThreads = (int) Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("mailtrip-run")).count();
                peakRunThreads = Math.max(peakRunThreads, runThreads);
                Thread.sleep(50);
            }
        } finally {
            scheduler.stop();
        }

        assertThat(instances).allSatisfy(i -> assertThat(i.state().snapshot().runs()).isGreaterThanOrEqualTo(3));
        assertThat(results.get()).isGreaterThanOrEqualTo(6000);
        assertThat(peakRunThreads).as("threads running sensors at the peak").isLessThan(400);
    }

    @Test
    void aRunThatThrowsAnErrorStillGivesAnUnknownResultAndTheInstanceRunsAgain() {
        SensorDescriptor descriptor = FakeSensor.descriptor();
        AtomicInteger calls = new AtomicInteger();
        Sensor exhausting = new FakeSensor(Duration.ZERO) {
            @Override
            public SensorResult run(Deadline deadline) {
                if (calls.incrementAndGet() == 1) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return super.run(deadline);
            }
        };
        SensorInstance instance = new SensorInstance("oom", descriptor, exhausting, Duration.ofSeconds(1),
                new InstanceState("oom", descriptor, new RoleSettings(Duration.ofSeconds(60),
                        java.util.Optional.empty(),
                        java.util.Optional.empty()), 10));

        assertThat(instance.tryClaim()).isTrue();
        RunRecord failed = instance.runClaimed();
        assertThat(failed.result().status()).isEqualTo(Status.UNKNOWN);
        assertThat(failed.result().message()).isEqualTo("sensor failed: java.lang.OutOfMemoryError");
        assertThat(failed.result().channels()).containsOnlyKeys("latency");
        assertThat(instance.tryClaim()).as("the instance is free for its next run").isTrue();
        assertThat(instance.runClaimed().result().status()).isEqualTo(Status.UP);
    }

    private static List<RunRecord> of(List<RunRecord> records, String id) {
        return records.stream().filter(r -> r.instanceId().equals(id)).toList();
    }

    private static Instant end(RunRecord record) {
        return record.result().start().plus(record.result().elapsed());
    }

    static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(50);
        }
    }

    /** A sensor that takes a fixed time and is always UP: load for the scheduler, not a protocol peer. */
    static class FakeSensor implements Sensor {
        private final Duration takes;

        FakeSensor(Duration takes) {
            this.takes = takes;
        }

        static SensorDescriptor descriptor() {
            return new SensorDescriptor("fake", "io.mailtrip.runner.none", FakeSensor.class.getClassLoader(),
                    List.of(), Duration.ofSeconds(1), List.of(),
                    List.of(new ChannelDescriptor("latency", "Latency", "ms", "how long the fake waited")));
        }

        @Override
        public SensorResult run(Deadline deadline) {
            Instant start = Instant.now();
            try {
                Thread.sleep(takes.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SensorResult(Status.UP, "waited", "wait", Map.of("latency",
                    ChannelValue.of(takes.toMillis())), start, takes, List.of());
        }

        @Override
        public Duration budget() {
            return takes.multipliedBy(10);
        }
    }
}
