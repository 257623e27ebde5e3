package io.mailtrip.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.host.RoleSettings;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.Settings;
import io.mailtrip.host.ValueReferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String... args) {
        out.reset();
        err.reset();
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path config(String head, Map<String, String> settings) throws Exception {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, head + "sensors:\n" + HttpEndpointTest.instance("mail1", settings));
        return file;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void onceRunsWritesEveryOutputAndNeverThePassword() throws Exception {
        Path file = config("junitXml: out/junit.xml\njsonLines: out/results.jsonl\n",
                MailServers.plainSettings(GREEN_MAIL));

        int code = main("--config", file.toString(), "--once");

        assertThat(code).as(err()).isZero();
        assertThat(out()).matches("\\S+Z mail1 UP total=[0-9.]+ms smtp=[0-9.]+ms pop3=[0-9.]+ms downtime=0% "
                + "certificate=- - round trip [^\\n]+\\R");
        String junit = Files.readString(dir.resolve("out/junit.xml"));
        assertThat(junit).contains("<testsuite name=\"mailtrip\" tests=\"1\" failures=\"0\" errors=\"0\"");
        List<String> lines = Files.readAllLines(dir.resolve("out/results.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode json = ResultJson.MAPPER.readTree(lines.get(0));
        assertThat(json.path("instance").asText()).isEqualTo("mail1");
        assertThat(json.path("status").asText()).isEqualTo("UP");
        assertThat(json.path("channels").path("downtime").path("value").asDouble()).isZero();
        assertThat(json.path("channels").path("total").path("unit").asText()).isEqualTo("ms");
        assertThat(String.join("\n", out(), err(), junit, String.join("\n", lines)))
                .doesNotContain(MailServers.PROBE_PASSWORD);
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void onceExitsNonZeroWhenAResultIsNotUp() throws Exception {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.put("smtpPort", String.valueOf(closedPort()));

        int code = main("--config", config("", settings).toString(), "--once");

        assertThat(code).isEqualTo(1);
        assertThat(out()).matches("\\S+Z mail1 DOWN total=- smtp=- pop3=- downtime=100% certificate=- - [^\\n]+\\R");
    }

    @Test
    void jsonLinesOnStandardOutputReplaceTheConsoleLines() throws Exception {
        int code = main("--config", config("jsonLines: '-'\n", MailServers.plainSettings(GREEN_MAIL)).toString(),
                "--once");

        assertThat(code).isZero();
        assertThat(ResultJson.MAPPER.readTree(out().strip()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void historySurvivesARestart() throws Exception {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.put("smtpPort", String.valueOf(closedPort()));
        Path file = config("history: {size: 10, file: state/history.json}\n", settings);
        assertThat(main("--config", file.toString(), "--once")).isEqualTo(1);

        config("history: {size: 10, file: state/history.json}\n", MailServers.plainSettings(GREEN_MAIL));
        int code = main("--config", file.toString(), "--once");

        assertThat(code).isZero();
        assertThat(out()).contains(" mail1 UP ").contains(" downtime=50% ");
        // What a third start would restore from the snapshot and journal the second one left.
        InstanceState stored = new InstanceState("mail1", Sensors.roundTripProvider().descriptor(),
                RoleSettings.of(Settings.parse(Sensors.roundTripProvider().descriptor(), settings)), 10);
        assertThat(new HistoryStore(dir.resolve("state/history.json"), new ResultBoard(List.of(stored))).load()).isEmpty();
        assertThat(stored.statusLetters()).isEqualTo("DU");
        assertThat(stored.snapshot().points()).hasSize(2);
    }

    @Test
    void validateListsEffectiveSettingsMaskedAndWarnsAboutInlineSecrets() throws Exception {
        Path file = config("", MailServers.plainSettings(GREEN_MAIL));

        int code = main("--config", file.toString(), "--validate");

        assertThat(code).isZero();
        assertThat(out()).startsWith(file + ": OK, 1 sensor instance(s)\n  mail1: smtp-pop3-roundtrip, every 60 s\n")
                .contains("    pop3Password = ****** (sensor mail1)\n",
                        "    smtpPort = " + GREEN_MAIL.getSmtp().getPort() + " (sensor mail1)\n",
                        "    primaryChannel = total (default)\n");
        assertThat(err()).isEqualTo("warning: " + file + ": sensors[0] (mail1): pop3Password: secret written inline; "
                + "prefer ${env:NAME} or ${file:/path}\n");
        assertThat(out() + err()).doesNotContain(MailServers.PROBE_PASSWORD);
    }

    /** The round trip's settings without what the hierarchy below supplies (host, port, security). */
    private Map<String, String> deviceLessSettings() {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.remove("smtpHost");
        settings.remove("smtpPort");
        settings.remove("smtpSecurity");
        return settings;
    }

    private String hierarchy(String defaults) {
        return "defaults:\n" + defaults
                + "groups:\n  lab:\n    settings: {smtpSecurity: none}\n"
                + "devices:\n  local:\n    group: lab\n    host: 127.0.0.1\n"
                + "    settings: {smtpPort: " + GREEN_MAIL.getSmtp().getPort() + "}\n";
    }

    @Test
    void validatePrintsWhereEverySettingComesFromAndWarnsAboutKeysForOtherSensorTypes() throws Exception {
        Files.createDirectories(dir.resolve("plugins"));
        PluginJarBuilder.plugin(dir, "alpha.jar", "plugin.alpha", "alpha-sensor");
        Files.move(dir.resolve("alpha.jar"), dir.resolve("plugins/alpha.jar"));
        Path file = dir.resolve("config.yml");
        Files.writeString(file, hierarchy("  greeting: hi\n  maxTripTime: 20\n") + "sensors:\n"
                + HttpEndpointTest.instance("mail1", deviceLessSettings()).replace("    settings:",
                        "    device: local\n    settings:")
                + "  - id: alpha1\n    sensor: alpha-sensor\n");

        int code = main("--config", file.toString(), "--validate");

        assertThat(code).as(err()).isZero();
        assertThat(out()).contains(
                "  mail1: smtp-pop3-roundtrip, every 60 s\n",
                "    smtpHost = 127.0.0.1 (device local)\n",
                "    smtpPort = " + GREEN_MAIL.getSmtp().getPort() + " (device local)\n",
                "    smtpSecurity = none (group lab)\n",
                "    maxTripTime = 10 (sensor mail1)\n",
                "    pop3Password = ****** (sensor mail1)\n",
                "    verifyHostname = true (default)\n",
                "  alpha1: alpha-sensor, every 30 s\n    interval = 30 (default)\n    greeting = hi (root defaults)\n");
        String where = "warning: " + file + ": ";
        assertThat(err()).isEqualTo(
                where + "sensors[0] (mail1): pop3Password: secret written inline; "
                        + "prefer ${env:NAME} or ${file:/path}\n"
                        + where + "sensors[0] (mail1): root defaults: greeting: not a setting of smtp-pop3-roundtrip, "
                        + "not used\n"
                        + where + "sensors[1] (alpha1): root defaults: maxTripTime: not a setting of alpha-sensor, "
                        + "not used\n");
        assertThat(out() + err()).doesNotContain(MailServers.PROBE_PASSWORD);
    }

    @Test
    void onceRunsWithTheHostOfTheDeviceAndLeadsWithThePrimaryChannel() throws Exception {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, hierarchy("  primaryChannel: pop3\n") + "sensors:\n"
                + HttpEndpointTest.instance("mail1", deviceLessSettings()).replace("    settings:",
                        "    device: local\n    settings:"));

        int code = main("--config", file.toString(), "--once");

        assertThat(code).as(err()).isZero();
        assertThat(out()).matches("\\S+Z mail1 UP pop3=[0-9.]+ms smtp=[0-9.]+ms total=[0-9.]+ms downtime=0% "
                + "certificate=- - round trip [^\\n]+\\R");
    }

    @Test
    void secretsFromAFileAreNotWarnedAbout() throws Exception {
        Path secret = dir.resolve("pop3.secret");
        Files.writeString(secret, MailServers.PROBE_PASSWORD + "\n");
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.put("pop3Password", "${file:" + secret + "}");

        int code = main("--config", config("", settings).toString(), "--once");

        assertThat(code).as(err()).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void configurationErrorsExitTwoWithOneLineEach() throws Exception {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.put("smtpPort", "70000");
        settings.put("trustStore", dir.resolve("missing.p12").toString());
        Path file = config("", settings);

        int code = main("--config", file.toString(), "--validate");

        assertThat(code).isEqualTo(2);
        assertThat(err()).isEqualTo(file + ": sensors[0] (mail1): smtpPort: 70000 is not in 1..65535\n");
    }

    @Test
    void checksOnlyTheSensorCanMakeAreConfigurationErrorsToo() throws Exception {
        Map<String, String> settings = MailServers.tlsSettings(GREEN_MAIL);
        settings.put("trustStore", dir.resolve("missing.p12").toString());
        Path file = config("", settings);

        int code = main("--config", file.toString(), "--validate");

        assertThat(code).isEqualTo(2);
        assertThat(err().lines().filter(line -> !line.startsWith("warning: "))).containsExactly(
                file + ": sensors[0] (mail1): trustStore: cannot read file " + dir.resolve("missing.p12"));
    }

    @Test
    void usageErrorsNameTheOption() {
        assertThat(main("--frobnicate")).isEqualTo(2);
        assertThat(err()).startsWith("--frobnicate: unknown option (known: --config, --once, --validate, --plugins, "
                + "--insecure-plugin-folder, --demo, --version, --help)\nUsage:");
        assertThat(main("--once")).isEqualTo(2);
        assertThat(err()).startsWith("--config: is required (or use --demo)\n");
        assertThat(main("--help")).isZero();
        assertThat(out()).startsWith("Usage:");
    }

    @Test
    void stopWaitsForTheRunInFlightAndCompletesTheFiles() throws Exception {
        try (HungServer hung = new HungServer()) {
            Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
            settings.put("smtpPort", String.valueOf(hung.port()));
            settings.put("smtpTimeout", "3");
            settings.put("interval", "1");
            Path file = config("junitXml: junit.xml\n", settings);
            SensorCatalog catalog = new PluginFolder(dir.resolve("plugins"), getClass().getClassLoader()).load();
            RunnerConfig config = new ConfigLoader(catalog, ValueReferences.fromProcess()).load(file);
            Runner runner = Runner.create(config, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            runner.start();
            SchedulerTest.await(Duration.ofSeconds(10), () -> hung.accepted() == 1);

            long before = System.nanoTime();
            runner.close();
            Duration stopping = Duration.ofNanos(System.nanoTime() - before);

            assertThat(stopping).isGreaterThan(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(10));
            assertThat(runner.board().snapshots().get(0).runs()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("junit.xml"))).contains("type=\"DOWN\"").endsWith("</testsuite>\n");
            assertThat(hung.accepted()).isEqualTo(1);
        }
    }
}
