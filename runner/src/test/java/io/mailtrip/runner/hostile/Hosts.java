package io.mailtrip.runner.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two hosts as operators start them, as processes: the Nagios plugin through its real launcher
 * script (which runs it under {@code -Xmx96m}) with {@code -t 10}, and the runner's shaded jar under
 * {@link #RUNNER_HEAP}. Settings are given the same way to both: a map of the sensor's setting keys.
 */
public final class Hosts {

    /** The plugin's {@code -t}: the whole run's budget. */
    public static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(10);
    /** The runner's heap: small, so that unbounded reading would fail fast instead of swapping. */
    public static final String RUNNER_HEAP = "-Xmx64m";
    /** Settings that give a runner run the same 10 s budget as the plugin's {@code -t 10}:
     *  2 × smtpTimeout + maxTripTime + 2 × pop3Timeout. */
    public static final Map<String, String> TEN_SECOND_BUDGET = Map.of("smtpTimeout", "2", "pop3Timeout", "2",
            "maxTripTime", "2");
    /** Resident memory any run may reach, whatever the server sends: measured 53-76 MiB for the plugin and
     *  74-97 MiB for the runner over the hostile cases; unbounded reading reached 1 to 5 GiB before the fix. */
    public static final long MAX_RSS_MIB = 256;
    /** Slack after the budget for the JVM start and the exit. */
    public static final Duration SLACK = Duration.ofSeconds(1);

    private static final Duration PROCESS_LIMIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Hosts() {
    }

    public static Path pluginLauncher() {
        String folder = System.getProperty("mailtrip.plugin.folder");
        assertThat(folder).as("system property mailtrip.plugin.folder (set by failsafe)").isNotNull();
        Path launcher = Path.of(folder, "check_smtp_pop3_roundtrip");
        assertThat(Files.isExecutable(launcher)).as(launcher + " is executable").isTrue();
        return launcher;
    }

    public static Path runnerJar() {
        Path jar = Path.of("target", "mailtrip-runner.jar").toAbsolutePath();
        assertThat(jar).exists();
        return jar;
    }

    /** The plugin with {@code -t 10}, every setting as its option, then {@code extra}. */
    public static MeasuredProcess plugin(Map<String, String> settings, String... extra)
            throws IOException, InterruptedException {
        return plugin(Map.of(), settings, extra);
    }

    /** {@link #plugin(Map, String...)} with extra environment variables (the launcher reads MAILTRIP_JAVA). */
    public static MeasuredProcess plugin(Map<String, String> environment, Map<String, String> settings,
                                         String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(pluginLauncher().toString(), "-t",
                String.valueOf(PLUGIN_TIMEOUT.toSeconds())));
        settings.forEach((key, value) -> {
            command.add("--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
            command.add(value);
        });
        command.addAll(List.of(extra));
        return MeasuredProcess.run(command, environment, PROCESS_LIMIT);
    }

    /** The runner, {@code --once}, on a configuration of one instance per entry; JSON lines on stdout. */
    public static MeasuredProcess runnerOnce(Path dir, Map<String, Map<String, String>> instances)
            throws IOException, InterruptedException {
        return runner("--config", writeConfig(dir, instances, "").toString(), "--once");
    }

    /** The runner with {@code args} after {@code -jar}, under {@link #RUNNER_HEAP}. */
    public static MeasuredProcess runner(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), RUNNER_HEAP, "-jar", runnerJar().toString()));
        command.addAll(List.of(args));
        return MeasuredProcess.run(command, Map.of(), PROCESS_LIMIT);
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A runner configuration ({@code --config}) with JSON lines on stdout and {@code head} at the top. */
    public static Path writeConfig(Path dir, Map<String, Map<String, String>> instances, String head) {
        StringBuilder yaml = new StringBuilder(head).append("jsonLines: '-'\nsensors:\n");
        instances.forEach((id, settings) -> {
            yaml.append("  - id: ").append(id).append("\n    sensor: smtp-pop3-roundtrip\n    settings:\n");
            settings.forEach((key, value) -> yaml.append("      ").append(key).append(": '")
                    .append(value.replace("'", "''")).append("'\n"));
        });
        try {
            return Files.writeString(dir.resolve("mailtrip.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings with the 10 s budget over {@code base}. */
    public static Map<String, String> withTenSecondBudget(Map<String, String> base) {
        Map<String, String> settings = new LinkedHashMap<>(base);
        settings.putAll(TEN_SECOND_BUDGET);
        return settings;
    }

    /** The JSON result lines a runner printed, by instance id (the last one of each). */
    public static Map<String, JsonNode> results(MeasuredProcess run) {
        Map<String, JsonNode> byInstance = new LinkedHashMap<>();
        run.stdout().lines().filter(line -> line.startsWith("{")).forEach(line -> {
            try {
                JsonNode node = JSON.readTree(line);
                byInstance.put(node.get("instance").asText(), node);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        });
        return byInstance;
    }
}
