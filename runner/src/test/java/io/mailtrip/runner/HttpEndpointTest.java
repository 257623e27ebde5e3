package io.mailtrip.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.host.ValueReferences;
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
import java.util.List;
import java.util.Locale;
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
        Runner runner = runner("sensors:\n" + instance("mail-up", up) + instance("mail-down", down));
        runner.runOnce();
        return runner;
    }

    private Runner runner(String yaml) throws Exception {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, yaml);
        SensorCatalog catalog = new PluginFolder(dir.resolve("plugins"), getClass().getClassLoader()).load();
        RunnerConfig config = new ConfigLoader(catalog, ValueReferences.fromProcess()).load(file);
        return Runner.create(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
    }

    private static HttpEndpoint serve(Runner runner, Locale language) throws Exception {
        return HttpEndpoint.start(new RunnerConfig.HttpSettings("127.0.0.1", 0), runner.board(), language);
    }

    static String instance(String id, Map<String, String> settings) {
        StringBuilder yaml = new StringBuilder("  - id: " + id + "\n    sensor: smtp-pop3-roundtrip\n    settings:\n");
        settings.forEach((key, value) -> yaml.append("      ").append(key).append(": '").append(value).append("'\n"));
        return yaml.toString();
    }

    private HttpResponse<String> get(HttpEndpoint endpoint, String path) throws Exception {
        return client.send(request(endpoint, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpEndpoint endpoint, String path, String acceptLanguage) throws Exception {
        return client.send(request(endpoint, path).header("Accept-Language", acceptLanguage).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(HttpEndpoint endpoint, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    @Test
    void metricsFollowTheExpositionFormatAndTheProbeConvention() throws Exception {
        try (Runner runner = runOnceUpAndDown(); HttpEndpoint endpoint = serve(runner, Locale.ENGLISH)) {
            HttpResponse<String> response = get(endpoint, "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains(PrometheusText.CONTENT_TYPE);
            Map<String, ExpositionFormat.Family> families = ExpositionFormat.parse(response.body());
            assertThat(families.keySet()).containsExactly("probe_success", "probe_duration_seconds",
                    "probe_phase_duration_seconds", "probe_ssl_earliest_cert_expiry", "probe_downtime_ratio",
                    "mailtrip_runs_total",
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
            assertThat(families.get("probe_ssl_earliest_cert_expiry").samples()).as("no TLS in these runs").isEmpty();
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
        try (Runner runner = runOnceUpAndDown(); HttpEndpoint endpoint = serve(runner, Locale.ENGLISH)) {
            HttpResponse<String> api = get(endpoint, "/api/results");
            HttpResponse<String> page = get(endpoint, "/");
            HttpResponse<String> missing = get(endpoint, "/nothing");

            JsonNode results = ResultJson.MAPPER.readTree(api.body());
            assertThat(results).hasSize(2);
            assertThat(results.get(0).fieldNames().next()).isEqualTo("primary");
            assertThat(results.get(0).path("primary").path("channel").asText()).isEqualTo("total");
            assertThat(results.get(0).path("primary").path("value").asDouble()).isPositive();
            assertThat(results.get(0).path("primary").path("unit").asText()).isEqualTo("ms");
            assertThat(results.get(1).path("primary").path("value").isNull()).isTrue();
            assertThat(results.get(0).path("name").asText()).isEqualTo("SMTP&POP3 Round Trip");
            assertThat(results.get(0).path("latest").path("channels").fieldNames().next()).isEqualTo("total");
            assertThat(results.get(0).path("recent").get(0).path("channels").fieldNames().next()).isEqualTo("total");
            assertThat(results.get(0).path("instance").asText()).isEqualTo("mail-up");
            assertThat(results.get(0).path("latest").path("status").asText()).isEqualTo("UP");
            assertThat(results.get(0).path("latest").path("channels").path("total").path("value").asDouble())
                    .isPositive();
            assertThat(results.get(1).path("latest").path("status").asText()).isEqualTo("DOWN");
            assertThat(results.get(1).path("latest").path("channels").path("smtp").path("value").isNull()).isTrue();
            assertThat(results.get(1).path("recent")).hasSize(1);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<svg", "mail-up", "mail-down", "class=\"badge DOWN\"",
                    "<span class=\"primary\" data-channel=\"total\">Total ");
            assertThat(page.body()).containsPattern("data-instance=\"mail-down\"><h2>mail-down <span class=\"badge "
                    + "DOWN\">DOWN</span> <span class=\"primary\" data-channel=\"total\">Total -</span></h2>");
            assertThat(page.body()).doesNotContain(MailServers.PROBE_PASSWORD).doesNotContain("|");
            assertThat(missing.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void thePrimaryChannelSettingLeadsTheApiAndThePage() throws Exception {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.put("primaryChannel", "pop3");
        try (Runner runner = runner("sensors:\n" + instance("mail1", settings))) {
            runner.runOnce();
            try (HttpEndpoint endpoint = serve(runner, Locale.ENGLISH)) {
                JsonNode entry = ResultJson.MAPPER.readTree(get(endpoint, "/api/results").body()).get(0);
                String page = get(endpoint, "/").body();

                assertThat(entry.path("primary").path("channel").asText()).isEqualTo("pop3");
                assertThat(entry.path("primary").path("value").asDouble())
                        .isEqualTo(entry.path("latest").path("channels").path("pop3").path("value").asDouble());
                assertThat(entry.path("latest").path("channels").fieldNames()).toIterable()
                        .containsExactly("pop3", "smtp", "total", "downtime", "certificate");
                assertThat(page).contains("<span class=\"primary\" data-channel=\"pop3\">Response Time POP3 ");
                assertThat(chartAttributes(page)).containsExactly("data-chart=\"channel\" data-channel=\"pop3\"",
                        "data-chart=\"channel\" data-channel=\"smtp\"", "data-chart=\"channel\" data-channel=\"total\"",
                        "data-chart=\"channel\" data-channel=\"downtime\"",
                        "data-chart=\"channel\" data-channel=\"certificate\"");
            }
        }
    }

    @Test
    void theEarliestCertificateExpiryIsExportedLikeBlackboxExporter() throws Exception {
        try (Runner runner = runner("sensors:\n" + instance("tls", MailServers.tlsSettings(GREEN_MAIL)))) {
            runner.runOnce();
            try (HttpEndpoint endpoint = serve(runner, Locale.ENGLISH)) {
                Map<String, ExpositionFormat.Family> families = ExpositionFormat.parse(get(endpoint, "/metrics").body());
                JsonNode latest = ResultJson.MAPPER.readTree(get(endpoint, "/api/results").body()).get(0)
                        .path("latest");

                double days = latest.path("channels").path("certificate").path("value").asDouble();
                double start = java.time.Instant.parse(latest.path("time").asText()).toEpochMilli() / 1000.0;
                assertThat(days).as("GreenMail's certificate is valid for a while").isPositive();
                assertThat(families.get("probe_ssl_earliest_cert_expiry").samples())
                        .singleElement().satisfies(sample -> {
                            assertThat(sample.labels()).containsEntry("phase", "certificate");
                            assertThat(sample.value()).isCloseTo(start + days * 86_400, org.assertj.core.api.Assertions.within(2.0));
                        });
            }
        }
    }

    @Test
    void stackedDrawsOneChartOfTheTimeChannelsInTheStackUnitAndIndependentOnePerChannel() throws Exception {
        Map<String, String> independent = MailServers.plainSettings(GREEN_MAIL);
        Map<String, String> stacked = MailServers.plainSettings(GREEN_MAIL);
        stacked.put("graphType", "stacked");
        stacked.put("stackUnit", "s");
        try (Runner runner = runner("sensors:\n" + instance("separate", independent) + instance("stack", stacked))) {
            runner.runOnce();
            try (HttpEndpoint endpoint = serve(runner, Locale.ENGLISH)) {
                String page = get(endpoint, "/").body();
                String separate = page.substring(page.indexOf("data-instance=\"separate\""),
                        page.indexOf("data-instance=\"stack\""));
                String stack = page.substring(page.indexOf("data-instance=\"stack\""));

                assertThat(separate.split("<svg", -1)).hasSize(1 + 5);
                assertThat(chartAttributes(separate)).allMatch(a -> a.startsWith("data-chart=\"channel\""));
                assertThat(stack.split("<svg", -1)).hasSize(1 + 4);
                assertThat(chartAttributes(stack)).containsExactly(
                        "data-chart=\"stacked\" data-unit=\"s\" data-channels=\"smtp pop3\"",
                        "data-chart=\"channel\" data-channel=\"total\"",
                        "data-chart=\"channel\" data-channel=\"downtime\"",
                        "data-chart=\"channel\" data-channel=\"certificate\"");
                assertThat(stack.split("<polygon class=\"band ", -1)).hasSize(1 + 2);
            }
        }
    }

    /** The {@code data-} attributes of every chart, in page order. */
    private static List<String> chartAttributes(String html) {
        return java.util.regex.Pattern.compile("role=\"img\" ([^>]*)>").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }

    /** The nine names of the foundation issue, by the language a browser asks for. */
    static final Map<String, String> NAMES = Map.of(
            "en", "SMTP&POP3 Round Trip",
            "nl", "SMTP & POP3 Round Trip",
            "fr", "SMTP & POP3 aller-retour",
            "de", "SMTP&POP3-Übermittlung",
            "ja", "SMTP&POP3 ラウンドトリップ",
            "pt", "Ida e volta SMTP&POP3",
            "ru", "Цикл SMTP и POP3",
            "zh-CN", "SMTP 和 POP3 往返",
            "es", "Ida y vuelta SMTP&POP3");

    @Test
    void namesTheSensorInEveryOneOfTheNineLanguagesByAcceptLanguage() throws Exception {
        try (Runner runner = runner("sensors:\n" + instance("mail1", MailServers.plainSettings(GREEN_MAIL)));
             HttpEndpoint endpoint = serve(runner, Locale.ENGLISH)) {
            assertThat(NAMES).hasSize(9);
            for (Map.Entry<String, String> name : NAMES.entrySet()) {
                HttpResponse<String> api = get(endpoint, "/api/results", name.getKey() + ", en;q=0.1");
                HttpResponse<String> page = get(endpoint, "/", name.getKey() + ", en;q=0.1");

                assertThat(ResultJson.MAPPER.readTree(api.body()).get(0).path("name").asText()).as(name.getKey())
                        .isEqualTo(name.getValue());
                assertThat(api.headers().firstValue("Content-Language")).contains(name.getKey());
                assertThat(page.body()).as(name.getKey())
                        .contains("<span class=\"sensor-name\">" + io.mailtrip.host.MarkupText.escape(name.getValue()) + "</span>")
                        .contains("<html lang=\"" + name.getKey() + "\">");
            }
        }
    }

    @Test
    void theQueryParameterBeatsTheHeaderWhichBeatsTheConfiguredLanguage() throws Exception {
        // Locale.FRENCH stands for the configuration's "language: fr" (ConfigLoaderTest reads that).
        try (Runner runner = runner("sensors:\n" + instance("mail1", MailServers.plainSettings(GREEN_MAIL)));
             HttpEndpoint endpoint = serve(runner, Locale.FRENCH)) {
            assertThat(name(get(endpoint, "/api/results"))).isEqualTo(NAMES.get("fr"));
            assertThat(name(get(endpoint, "/api/results", "xx, de-AT;q=0.5"))).isEqualTo(NAMES.get("de"));
            assertThat(name(get(endpoint, "/api/results", "zh"))).isEqualTo(NAMES.get("zh-CN"));
            assertThat(name(get(endpoint, "/api/results", "xx"))).isEqualTo(NAMES.get("fr"));
            assertThat(name(get(endpoint, "/api/results?lang=ja", "de"))).isEqualTo(NAMES.get("ja"));
            assertThat(name(get(endpoint, "/api/results?lang=pt-BR"))).isEqualTo(NAMES.get("pt"));
            assertThat(get(endpoint, "/?lang=ru").body()).contains(NAMES.get("ru"));
        }
    }

    private static String name(HttpResponse<String> response) throws Exception {
        return ResultJson.MAPPER.readTree(response.body()).get(0).path("name").asText();
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
