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
            assertThat(response.headers().firstValue("Content-Type"))
                    .contains("text/plain; version=0.0.4; charset=utf-8");
            Map<String, ExpositionFormat.Family> families = ExpositionFormat.parse(response.body());
            assertThat(families.keySet()).containsExactlyInAnyOrder("probe_success", "probe_duration_seconds",
                    "mailtrip_probe_status", "mailtrip_probe_last_run_timestamp_seconds",
                    "mailtrip_probe_deadline_seconds", "mailtrip_probe_interval_seconds",
                    "mailtrip_probe_consecutive_failures", "mailtrip_probe_info", "mailtrip_runs_total", "mailtrip_skipped_runs_total",
                    "mailtrip_channel_seconds", "mailtrip_channel_combined_seconds", "mailtrip_channel_ratio",
                    "mailtrip_channel_span_seconds");
            assertThat(families.get("mailtrip_runs_total").type()).isEqualTo("counter");
            assertThat(families.get("probe_success").samples()).extracting(s -> s.labels() + " " + s.value())
                    .containsExactlyInAnyOrder("{sensor=smtp-pop3-roundtrip, sensor_instance=mail-up} 1.0",
                            "{sensor=smtp-pop3-roundtrip, sensor_instance=mail-down} 0.0");
            // DOWN is told apart from WARNING and UNKNOWN.
            assertThat(families.get("mailtrip_probe_status").samples())
                    .filteredOn(s -> s.value() == 1.0)
                    .extracting(s -> s.labels().get("sensor_instance") + "=" + s.labels().get("mailtrip_probe_status"))
                    .containsExactlyInAnyOrder("mail-up=up", "mail-down=down");
            assertThat(families.get("mailtrip_probe_status").samples()).hasSize(8);
            // One series per channel; the sum channel in a family of its own, so sum by () never counts it twice.
            assertThat(families.get("mailtrip_channel_seconds").samples())
                    .extracting(s -> s.labels().get("sensor_instance") + "/" + s.labels().get("channel"))
                    .containsExactlyInAnyOrder("mail-up/smtp", "mail-up/pop3", "mail-down/smtp", "mail-down/pop3");
            assertThat(families.get("mailtrip_channel_combined_seconds").samples())
                    .extracting(s -> s.labels().get("sensor_instance") + "/" + s.labels().get("channel"))
                    .containsExactlyInAnyOrder("mail-up/total", "mail-down/total");
            double smtp = value(families, "mailtrip_channel_seconds", "mail-up", "smtp");
            double pop3 = value(families, "mailtrip_channel_seconds", "mail-up", "pop3");
            assertThat(List.of(smtp, pop3)).allSatisfy(v -> assertThat(v).isPositive().isLessThan(10));
            assertThat(value(families, "mailtrip_channel_combined_seconds", "mail-up", "total"))
                    .isCloseTo(smtp + pop3, org.assertj.core.data.Offset.offset(0.002));
            // A failed run keeps its series, saying "not measured".
            assertThat(value(families, "mailtrip_channel_seconds", "mail-down", "smtp")).isNaN();
            assertThat(value(families, "mailtrip_channel_seconds", "mail-down", "pop3")).isNaN();
            assertThat(value(families, "mailtrip_channel_combined_seconds", "mail-down", "total")).isNaN();
            assertThat(value(families, "mailtrip_channel_ratio", "mail-up", "downtime")).isEqualTo(0.0);
            assertThat(value(families, "mailtrip_channel_ratio", "mail-down", "downtime")).isEqualTo(1.0);
            assertThat(value(families, "mailtrip_probe_consecutive_failures", "mail-up", null)).isEqualTo(0.0);
            assertThat(value(families, "mailtrip_probe_consecutive_failures", "mail-down", null)).isEqualTo(1.0);
            assertThat(families.get("mailtrip_probe_last_run_timestamp_seconds").samples())
                    .allSatisfy(s -> assertThat(s.value()).isCloseTo(System.currentTimeMillis() / 1e3,
                            org.assertj.core.data.Offset.offset(120.0)));
            assertThat(families.get("mailtrip_probe_deadline_seconds").samples())
                    .allSatisfy(s -> assertThat(s.value()).isPositive());
            assertThat(families.get("mailtrip_runs_total").samples()).extracting(ExpositionFormat.Sample::value)
                    .containsExactly(1.0, 1.0);
            // Blackbox style: nothing that changes per run or names a mailbox in a label; no "instance" label.
            assertThat(families.values()).flatExtracting(ExpositionFormat.Family::samples)
                    .allSatisfy(s -> assertThat(s.labels().keySet())
                            .isSubsetOf("sensor_instance", "sensor", "channel", "mailtrip_probe_status", "graph_type",
                                    "primary_channel"));
            assertThat(families.get("mailtrip_probe_info").samples()).extracting(s -> s.labels().get("graph_type"))
                    .containsOnly("independent");
            assertThat(response.body()).doesNotContain("@localhost").doesNotContain(MailServers.PROBE_PASSWORD);
        }
    }

    private static double value(Map<String, ExpositionFormat.Family> families, String family, String instance,
                                String channel) {
        return families.get(family).samples().stream()
                .filter(s -> s.labels().get("sensor_instance").equals(instance))
                .filter(s -> channel == null || channel.equals(s.labels().get("channel")))
                .map(ExpositionFormat.Sample::value).findFirst().orElseThrow();
    }

    @Test
    void metricsNegotiateOpenMetricsAndProtobufAndCarryTags() throws Exception {
        String yaml = "sensors:\n" + instance("tagged", MailServers.plainSettings(GREEN_MAIL))
                .replace("    settings:\n", "    tags: {site: 'ams \"1\"\\\\x', team: mail}\n    settings:\n");
        try (Runner runner = runner(yaml); HttpEndpoint endpoint = serve(runner, Locale.ENGLISH)) {
            // Before the first run every series is there already, saying "no value yet".
            Map<String, ExpositionFormat.Family> before = ExpositionFormat.parse(get(endpoint, "/metrics").body());
            assertThat(before.get("probe_success").samples().get(0).value()).isNaN();
            assertThat(before.get("probe_success").samples().get(0).labels())
                    .containsEntry("site", "ams \"1\"\\\\x").containsEntry("team", "mail");
            runner.runOnce();

            HttpResponse<String> openMetrics = client.send(request(endpoint, "/metrics")
                    .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(openMetrics.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/openmetrics-text");
            assertThat(openMetrics.body()).contains("# TYPE mailtrip_probe_status stateset")
                    .contains("# UNIT probe_duration_seconds seconds").endsWith("# EOF\n");
            HttpResponse<byte[]> protobuf = client.send(request(endpoint, "/metrics")
                    .header("Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                            + "encoding=delimited").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(protobuf.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/vnd.google.protobuf");
            assertThat(new String(protobuf.body(), StandardCharsets.UTF_8)).contains("probe_success");
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
            assertThat(page.body()).containsPattern("data-instance=\"mail-down\" data-status=\"DOWN\" class=\"failing\">"
                    + "<h2>mail-down <span class=\"badge DOWN\">DOWN</span> <span class=\"primary\" "
                    + "data-channel=\"total\">Total -</span></h2>");
            // Failing first, a summary on top, the streak and the folded trace of the failure.
            assertThat(page.body().indexOf("data-instance=\"mail-down\""))
                    .isLessThan(page.body().indexOf("data-instance=\"mail-up\""));
            assertThat(page.body()).contains("<b class=\"badge UP\" data-count=\"UP\">1 up</b>",
                    "<b class=\"badge DOWN\" data-count=\"DOWN\">1 down</b>", "1 failed run(s) in a row, failing since ",
                    "<details class=\"trace\"><summary>last failure ");
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
    void theCertificateChannelIsExportedAsSecondsLeft() throws Exception {
        try (Runner runner = runner("sensors:\n" + instance("tls", MailServers.tlsSettings(GREEN_MAIL)))) {
            runner.runOnce();
            try (HttpEndpoint endpoint = serve(runner, Locale.ENGLISH)) {
                Map<String, ExpositionFormat.Family> families = ExpositionFormat.parse(get(endpoint, "/metrics").body());
                JsonNode latest = ResultJson.MAPPER.readTree(get(endpoint, "/api/results").body()).get(0)
                        .path("latest");

                double days = latest.path("channels").path("certificate").path("value").asDouble();
                assertThat(days).as("GreenMail's certificate is valid for a while").isPositive();
                assertThat(value(families, "mailtrip_channel_span_seconds", "tls", "certificate"))
                        .isCloseTo(days * 86_400, org.assertj.core.data.Offset.offset(1.0));
            }
        }
    }

    /** One instance's section of the status page (failing instances come first, so order is not fixed). */
    static String section(String page, String instance) {
        int start = page.indexOf("<section data-instance=\"" + instance + "\"");
        return page.substring(start, page.indexOf("</section>", start));
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
                String separate = section(page, "separate");
                String stack = section(page, "stack");

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
