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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --version}, {@code /healthz}, notices with time and level, file modes, the systemd unit. */
class RunnerBasicsTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    @TempDir
    Path dir;

    @Test
    void versionPrintsTheBuildVersion() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run("--version");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("mailtrip-runner \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
    }

    @Test
    void healthzSaysWhetherTheSchedulerTicks() throws Exception {
        Scheduler scheduler = new Scheduler(List.of(), record -> { });
        HttpClient client = HttpClient.newHttpClient();
        try (HttpEndpoint endpoint = HttpEndpoint.start(new RunnerConfig.HttpSettings("127.0.0.1", 0),
                new ResultBoard(List.of()), Locale.ENGLISH, scheduler::health)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/healthz"))
                    .timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> before = client.send(request, HttpResponse.BodyHandlers.ofString());
            scheduler.start();
            Thread.sleep(1_500);
            HttpResponse<String> running = client.send(request, HttpResponse.BodyHandlers.ofString());
            scheduler.stop();
            HttpResponse<String> stopped = client.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(running.statusCode()).isEqualTo(200);
            JsonNode health = ResultJson.MAPPER.readTree(running.body());
            assertThat(health.path("status").asText()).isEqualTo("ok");
            assertThat(health.path("schedulerAlive").asBoolean()).isTrue();
            // The heartbeat ticks every second.
            assertThat(health.path("lastTickAgeSeconds").asDouble()).isBetween(0.0, 1.5);
            assertThat(stopped.statusCode()).isEqualTo(503);
            assertThat(ResultJson.MAPPER.readTree(stopped.body()).path("status").asText()).isEqualTo("failing");
        }
    }

    @Test
    void noticesCarryTimeAndLevel() {
        System.setProperty("java.util.logging.SimpleFormatter.format", Main.LOG_FORMAT);
        LogRecord record = new LogRecord(Level.WARNING, "icinga: HTTP 503 for mx1; retrying");
        record.setLoggerName("mailtrip");
        record.setInstant(Instant.parse("2026-11-29T03:04:05.678Z"));

        String line = new SimpleFormatter().format(record);

        assertThat(line).matches("2026-11-29T\\d\\d:\\d\\d:05\\.678[+-]\\d{4} WARNING mailtrip: "
                + "icinga: HTTP 503 for mx1; retrying\\R");
    }

    @Test
    void junitXmlIsWrittenWithTheSameModeAsTheJsonLines() throws Exception {
        String yaml = "junitXml: out/junit.xml\njsonLines: out/results.jsonl\nsensors:\n"
                + HttpEndpointTest.instance("mail1", MailServers.plainSettings(GREEN_MAIL));
        Path file = Files.writeString(dir.resolve("config.yml"), yaml);
        SensorCatalog catalog = new PluginFolder(dir.resolve("plugins"), getClass().getClassLoader()).load();
        RunnerConfig config = new ConfigLoader(catalog, ValueReferences.fromProcess()).load(file);
        try (Runner runner = Runner.create(config, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), System.err)) {
            runner.runOnce();
        }

        Path junit = dir.resolve("out/junit.xml");
        Path lines = dir.resolve("out/results.jsonl");
        assertThat(Files.getPosixFilePermissions(junit)).isEqualTo(Files.getPosixFilePermissions(lines));
        assertThat(Files.readString(junit)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite ");
    }

    @Test
    void theSystemdUnitPassesSystemdAnalyzeVerify() throws Exception {
        Path analyze = ExternalTool.require("/usr/bin/systemd-analyze", "systemd");
        Path unit = Path.of("dist/systemd/mailtrip-runner.service").toAbsolutePath();
        // A unit with a mistake, to show that the check reads the file and complains.
        Path broken = Files.writeString(dir.resolve("broken-mailtrip.service"),
                Files.readString(unit).replace("Restart=on-failure", "Restart=sometimes"));

        ExternalTool.Run good = ExternalTool.run(List.of(analyze.toString(), "verify", unit.toString()), "",
                Map.of("SYSTEMD_LOG_COLOR", "0"), dir, Duration.ofSeconds(60));
        ExternalTool.Run bad = ExternalTool.run(List.of(analyze.toString(), "verify", broken.toString()), "",
                Map.of("SYSTEMD_LOG_COLOR", "0"), dir, Duration.ofSeconds(60));

        assertThat(good.exitCode()).as(good.both()).isZero();
        assertThat(good.both()).isEmpty();
        assertThat(bad.both()).contains("Failed to parse service restart specifier");
    }
}
