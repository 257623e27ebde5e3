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
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus' own tool judges what the runner serves and what it ships: {@code promtool check metrics}
 * on a real scrape (an UP instance, a DOWN one, one with tags, one that has not run), {@code promtool
 * check rules} and {@code promtool test rules} on the shipped alert rules; the Grafana dashboard queries
 * only metrics the runner serves.
 */
class PrometheusToolsTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static final Path DIST = Path.of("dist").toAbsolutePath();
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void promtoolAcceptsARealScrape() throws Exception {
        Path promtool = ExternalTool.require("/usr/bin/promtool", "prometheus");
        String body = scrape();

        ExternalTool.Run run = ExternalTool.run(List.of(promtool.toString(), "check", "metrics"), body, Map.of(),
                null, TOOL_TIMEOUT);

        // promtool prints lint problems (and exits 3) even for valid text: "no output, exit 0" is the bar.
        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.both()).isEmpty();
        assertThat(body).contains("mailtrip_probe_status=\"down\"")
                .contains("site=\"ams\"").contains("NaN");
    }

    @Test
    void promtoolAcceptsTheAlertRulesAndTheyFireWhenTheyShould() throws Exception {
        Path promtool = ExternalTool.require("/usr/bin/promtool", "prometheus");
        Path rules = DIST.resolve("prometheus");

        ExternalTool.Run check = ExternalTool.run(List.of(promtool.toString(), "check", "rules",
                "mailtrip-alerts.yml"), "", Map.of(), rules, TOOL_TIMEOUT);
        ExternalTool.Run test = ExternalTool.run(List.of(promtool.toString(), "test", "rules",
                "mailtrip-alerts-test.yml"), "", Map.of(), rules, TOOL_TIMEOUT);
        ExternalTool.Run config = ExternalTool.run(List.of(promtool.toString(), "check", "config",
                "prometheus-scrape.yml"), "", Map.of(), rules, TOOL_TIMEOUT);

        assertThat(check.exitCode()).as(check.both()).isZero();
        assertThat(check.stdout()).contains("SUCCESS: 2 rules found");
        assertThat(test.exitCode()).as(test.both()).isZero();
        assertThat(config.exitCode()).as(config.both()).isZero();
    }

    @Test
    void theDashboardQueriesOnlyMetricsTheRunnerServes() throws Exception {
        String body = scrape();
        JsonNode dashboard = ResultJson.MAPPER.readTree(DIST.resolve("grafana/mailtrip-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        assertThat(expressions).isNotEmpty();
        Matcher names = Pattern.compile("\\b(probe_[a-z_]+|mailtrip_[a-z_]+)\\b")
                .matcher(String.join("\n", expressions));
        List<String> used = new ArrayList<>();
        while (names.find()) {
            used.add(names.group(1));
        }
        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(body).contains("\n" + name));
        // Channels stacked or independent as each instance's graphType says.
        assertThat(dashboard.findValues("stacking")).extracting(s -> s.path("mode").asText())
                .contains("normal", "none");
    }

    private String scrape() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> down = MailServers.plainSettings(GREEN_MAIL);
        down.put("smtpPort", String.valueOf(closedPort));
        String yaml = "sensors:\n" + HttpEndpointTest.instance("mail-up", MailServers.plainSettings(GREEN_MAIL))
                .replace("    settings:\n", "    tags: {site: ams, team: 'mail \"ops\"'}\n    settings:\n")
                + HttpEndpointTest.instance("mail-down", down);
        Path file = Files.writeString(dir.resolve("config.yml"), yaml);
        SensorCatalog catalog = new PluginFolder(dir.resolve("plugins"), getClass().getClassLoader()).load();
        RunnerConfig config = new ConfigLoader(catalog, ValueReferences.fromProcess()).load(file);
        try (Runner runner = Runner.create(config, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), System.err);
             HttpEndpoint endpoint = HttpEndpoint.start(new RunnerConfig.HttpSettings("127.0.0.1", 0),
                     runner.board(), Locale.ENGLISH)) {
            runner.runOnce();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }
}
