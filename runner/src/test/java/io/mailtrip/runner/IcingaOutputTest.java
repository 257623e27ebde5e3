package io.mailtrip.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.host.ValueReferences;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The runner's Icinga 2 output against a real {@code icinga2} daemon on loopback (CA-verified TLS, its
 * own API user): results arrive as passive check results, a stopped runner turns the services UNKNOWN
 * once the TTL runs out, and results produced while Icinga restarts wait in the queue and all arrive.
 */
class IcingaOutputTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static final String SERVICE = "smtp-pop3-roundtrip";
    private static final List<String> HOSTS = List.of("mail-a", "mail-b");

    @TempDir
    Path dir;

    @Test
    void receivesResultsLosesNothingOverARestartAndGoesUnknownWhenTheRunnerStops() throws Exception {
        Path icinga2 = ExternalTool.require("/usr/sbin/icinga2", "icinga2-bin");
        ExternalTool.require("/usr/bin/openssl", "openssl");
        String password = UUID.randomUUID().toString();
        try (IcingaDaemon icinga = IcingaDaemon.start(icinga2, dir.resolve("icinga"), HOSTS, SERVICE, password)) {
            Runner runner = runner(icinga, password);
            Duration ttl;
            long sentWhileUp;
            long processedWhileUp;
            try {
                ttl = runner.instances().get(0).interval().multipliedBy(2).plus(runner.instances().get(0).budget());
                runner.start();
                // 1. Results arrive, with the runner's exit status, output, perfdata and check source.
                for (String host : HOSTS) {
                    JsonNode service = await(Duration.ofSeconds(60), () -> {
                        JsonNode s = icinga.service(host, SERVICE);
                        return s.path("last_check_result").path("check_source").asText().equals("mailtrip-test")
                                ? s : null;
                    });
                    assertThat(service.path("state").asInt()).isZero();
                    JsonNode result = service.path("last_check_result");
                    assertThat(result.path("output").asText()).startsWith("UP - ");
                    assertThat(result.path("performance_data")).extracting(JsonNode::asText)
                            .anySatisfy(p -> assertThat(p).matches("total=[0-9.]+s;;;0"))
                            .anySatisfy(p -> assertThat(p).matches("downtime=0%;;;0;100"));
                    assertThat(result.path("ttl").asLong()).isEqualTo(ttl.toSeconds());
                }
                // 2. Icinga restarts: results wait in the queue, the scheduler goes on, all arrive afterwards.
                // While icinga2 shuts down it may still answer 200 without processing: what counts is that
                // every result sent once it is down waits and arrives at the restarted daemon.
                icinga.stop();
                sentWhileUp = runner.icingaCounts().orElseThrow().sent();
                processedWhileUp = icinga.processedResults();
                long runsBefore = runs(runner);
                // The scheduler goes on while Icinga is away, and its results wait in the queue.
                await(Duration.ofSeconds(60), () -> runs(runner) >= runsBefore + 4
                        && runner.icingaCounts().orElseThrow().queued() >= 4 ? true : null);
                icinga.start();
                await(Duration.ofSeconds(90), () -> runner.icingaCounts().orElseThrow().queued() == 0 ? true : null);
            } finally {
                runner.close();
            }
            IcingaOutput.Counts counts = runner.icingaCounts().orElseThrow();
            long runs = runs(runner);
            assertThat(counts.dropped()).isZero();
            assertThat(counts.queued()).isZero();
            assertThat(counts.sent()).isEqualTo(runs);
            // icinga2 writes its log through a buffer that it flushes about once a second, and the queue sends
            // its backlog in one burst: the lines can still be in the buffer when the queue is empty.
            long expectedAfterRestart = counts.sent() - sentWhileUp;
            long logDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (icinga.processedResults() - processedWhileUp < expectedAfterRestart
                    && System.nanoTime() < logDeadline) {
                Thread.sleep(200);
            }
            assertThat(icinga.processedResults() - processedWhileUp).as("results the restarted Icinga processed")
                    .isEqualTo(counts.sent() - sentWhileUp).isGreaterThanOrEqualTo(4);
            for (String host : HOSTS) {
                RunRecord latest = runner.board().get(host).orElseThrow().summary().latest().orElseThrow();
                JsonNode result = icinga.service(host, SERVICE).path("last_check_result");
                assertThat(result.path("output").asText()).isEqualTo(ResultLine.summary(latest.result()));
                assertThat(result.path("execution_start").asDouble())
                        .isEqualTo(latest.result().start().toEpochMilli() / 1e3);
            }
            // 3. The runner is gone: once the TTL runs out, Icinga runs the dummy and says UNKNOWN.
            for (String host : HOSTS) {
                JsonNode service = await(ttl.plusSeconds(60), () -> {
                    JsonNode s = icinga.service(host, SERVICE);
                    return s.path("state").asInt() == 3 ? s : null;
                });
                assertThat(service.path("last_check_result").path("output").asText()).isEqualTo(IcingaDaemon.NO_RESULT);
            }
        }
    }

    private Runner runner(IcingaDaemon icinga, String password) throws Exception {
        StringBuilder yaml = new StringBuilder("icinga:\n  url: " + icinga.url() + "\n  user: " + IcingaDaemon.USER
                + "\n  password: ${env:ICINGA_API_PASSWORD}\n  caFile: " + icinga.caFile()
                + "\n  checkSource: mailtrip-test\n  queueSize: 1000\nsensors:\n");
        for (String host : HOSTS) {
            // A mailbox per instance, so two round trips never take each other's mail.
            GREEN_MAIL.setUser(host + "@localhost", host, MailServers.PROBE_PASSWORD);
            Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
            settings.putAll(Map.of("interval", "1", "smtpTimeout", "2", "pop3Timeout", "2", "maxTripTime", "3",
                    "to", host + "@localhost", "pop3User", host));
            yaml.append(HttpEndpointTest.instance(host, settings));
        }
        Path file = Files.writeString(dir.resolve("config.yml"), yaml);
        SensorCatalog catalog = new PluginFolder(dir.resolve("plugins"), getClass().getClassLoader()).load();
        ValueReferences references = new ValueReferences(name -> name.equals("ICINGA_API_PASSWORD") ? password
                : System.getenv(name));
        RunnerConfig config = new ConfigLoader(catalog, references).load(file);
        return Runner.create(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
    }

    private static long runs(Runner runner) {
        return runner.board().summaries().stream().mapToLong(InstanceState.Snapshot::runs).sum();
    }

    /** Polls {@code probe} until it returns non-null, for at most {@code timeout}. */
    private static <T> T await(Duration timeout, Callable<T> probe) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                T value = probe.call();
                if (value != null) {
                    return value;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        fail("not within " + timeout + (last == null ? "" : ": " + last));
        return null;
    }
}
