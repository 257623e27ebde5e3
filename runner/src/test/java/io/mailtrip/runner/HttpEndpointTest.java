package io.mailtrip.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.spi.ValueReferences;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpEndpointTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Runner runOnceUpAndDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> up = MailServers.plainSettings(GREEN_MAIL);
        Map<String, String> down = MailServers.plainSettings(GREEN_MAIL);
        down.put("smtpPort", String.valueOf(closedPort));
        Path file = dir.resolve("config.yml");
        Files.writeString(file, "sensors:\n" + instance("mail-up", up) + instance("mail-down", down));
        SensorCatalog catalog = new PluginFolder(dir.resolve("plugins"), getClass().getClassLoader()).load();
        RunnerConfig config = new ConfigLoader(catalog, new InstanceLoader(ValueReferences.fromProcess())).load(file);
        Runner runner = Runner.create(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
        runner.runOnce();
        return runner;
    }

    static String instance(String id, Map<String, String> settings) {
        StringBuilder yaml = new StringBuilder("  - id: " + id + "\n    sensor: smtp-pop3-roundtrip\n    settings:\n");
        settings.forEach((key, value) -> yaml.append("      ").append(key).append(": '").append(value).append("'\n"));
        return yaml.toString();
    }

    private HttpResponse<String> get(HttpEndpoint endpoint, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsFollowTheExpositionFormatAndTheProbeConvention() throws Exception {
        try (Runner runner = runOnceUpAndDown();
             HttpEndpoint endpoint = HttpEndpoint.start(new RunnerConfig.HttpSettings("127.0.0.1", 0),
                     runner.board())) {
            HttpResponse<String> response = get(endpoint, "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains(PrometheusText.CONTENT_TYPE);
            Map<String, ExpositionFormat.Family> families = ExpositionFormat.parse(response.body());
            assertThat(families.keySet()).containsExactly("probe_success", "probe_duration_seconds",
                    "probe_phase_duration_seconds", "probe_downtime_ratio", "mailtrip_runs_total",
                    "mailtrip_skipped_runs_total");
            assertThat(families.get("mailtrip_runs_total").type()).isEqualTo("counter");
            assertThat(families.get("probe_success").samples()).extracting(s -> s.labels() + " " + s.value())
                    .containsExactly("{instance=mail-up, sensor=smtp-pop3-roundtrip} 1.0",
                            "{instance=mail-down, sensor=smtp-pop3-roundtrip} 0.0");
            assertThat(families.get("probe_phase_duration_seconds").samples())
                    .extracting(s -> s.labels().get("instance") + "/" + s.labels().get("phase"))
                    .containsExactly("mail-up/smtp", "mail-up/pop3", "mail-up/total");
            assertThat(families.get("probe_phase_duration_seconds").samples())
                    .allSatisfy(s -> assertThat(s.value()).isPositive().isLessThan(10));
            assertThat(families.get("probe_downtime_ratio").samples()).extracting(ExpositionFormat.Sample::value)
                    .containsExactly(0.0, 1.0);
            assertThat(families.get("mailtrip_runs_total").samples()).extracting(ExpositionFormat.Sample::value)
                    .containsExactly(1.0, 1.0);
            // Blackbox style: nothing that changes per run or names a mailbox in a label.
            assertThat(families.values()).flatExtracting(ExpositionFormat.Family::samples)
                    .allSatisfy(s -> assertThat(s.labels().keySet()).isSubsetOf("instance", "sensor", "phase"));
            assertThat(response.body()).doesNotContain("@localhost").doesNotContain(MailServers.PROBE_PASSWORD);
        }
    }

    @Test
    void apiAndStatusPageShowTheResults() throws Exception {
        try (Runner runner = runOnceUpAndDown();
             HttpEndpoint endpoint = HttpEndpoint.start(new RunnerConfig.HttpSettings("127.0.0.1", 0),
                     runner.board())) {
            HttpResponse<String> api = get(endpoint, "/api/results");
            HttpResponse<String> page = get(endpoint, "/");
            HttpResponse<String> missing = get(endpoint, "/nothing");

            JsonNode results = ResultJson.MAPPER.readTree(api.body());
            assertThat(results).hasSize(2);
            assertThat(results.get(0).path("instance").asText()).isEqualTo("mail-up");
            assertThat(results.get(0).path("latest").path("status").asText()).isEqualTo("UP");
            assertThat(results.get(0).path("latest").path("channels").path("total").path("value").asDouble())
                    .isPositive();
            assertThat(results.get(1).path("latest").path("status").asText()).isEqualTo("DOWN");
            assertThat(results.get(1).path("latest").path("channels").path("smtp").path("value").isNull()).isTrue();
            assertThat(results.get(1).path("recent")).hasSize(1);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<svg", "mail-up", "mail-down", "class=\"badge DOWN\"");
            assertThat(page.body()).doesNotContain(MailServers.PROBE_PASSWORD).doesNotContain("|");
            assertThat(missing.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void labelValuesAreEscapedAsTheFormatRequires() {
        String tricky = "a\"b\\c\nd";
        String line = "x{l=\"" + PrometheusText.escapeLabel(tricky) + "\"} 1\n";

        Map<String, ExpositionFormat.Family> parsed =
                ExpositionFormat.parse("# HELP x test\n# TYPE x gauge\n" + line);

        assertThat(parsed.get("x").samples().get(0).labels()).containsEntry("l", tricky);
    }

    @Test
    void theTestParserRejectsWhatPrometheusRejects() {
        assertThatThrownBy(() -> ExpositionFormat.parse("x 1\n")).hasMessageContaining("before its HELP and TYPE");
        assertThatThrownBy(() -> ExpositionFormat.parse("# HELP x h\n# TYPE x gauge\nx{a=\"1\"} 1,5\n"))
                .hasMessageContaining("bad value");
        assertThatThrownBy(() -> ExpositionFormat.parse(
                "# HELP x h\n# TYPE x gauge\nx 1\n# HELP y h\n# TYPE y gauge\ny 1\nx{a=\"b\"} 2\n"))
                .hasMessageContaining("not contiguous");
        assertThatThrownBy(() -> ExpositionFormat.parse("# HELP x h\n# TYPE x gauge\nx 1")).hasMessageContaining("\\n");
    }
}
