package io.mailtrip.runner.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailtrip.mailkit.testing.FakeMailbox;
import io.mailtrip.mailkit.testing.FakeSmtpServer;
import io.mailtrip.mailkit.testing.hostile.HostilePop3;
import io.mailtrip.mailkit.testing.hostile.HostileServer;
import io.mailtrip.sensor.smtppop3.testkit.HostileCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "Done when": every hostile-server case of the sensor's kit ({@link HostileCases}) through both
 * hosts as processes — the Nagios plugin through its launcher ({@code -Xmx96m}, {@code -t 10}) and the
 * runner ({@code --once}, {@code -Xmx64m}, a 10 s budget) — asserting the status, the phase, the step and
 * reason, the wall time, the peak resident memory, and that no server-supplied control character reaches
 * the output. Plus the run deadline mid-poll. Wall time: the plugin's whole process within {@code -t} + 1 s
 * (its deadline counts from its start); the runner's run within its 10 s budget + 1 s, and its process
 * within that + {@link #RUNNER_START} for the JVM start and the loading of the configuration.
 */
class HostileServerIT {

    /** The 10 s budget, from the plugin's {@code -t} and the runner's settings alike. */
    private static final double MAX_SECONDS = Hosts.PLUGIN_TIMEOUT.toSeconds() + Hosts.SLACK.toSeconds();
    /** Seconds the runner's process takes before its first run starts and after it ends (measured 1-1.5 s). */
    private static final double RUNNER_START = 2.0;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(HostileCases.class)
    void throughTheNagiosPlugin(HostileCases hostileCase) throws Exception {
        try (HostileCases.Running running = hostileCase.start()) {
            MeasuredProcess plugin = Hosts.plugin(running.settings(), "-v");

            assertThat(plugin.exitCode()).as(plugin.toString()).isEqualTo(2);
            assertThat(plugin.firstLine()).as(plugin.toString()).startsWith("SMTP-POP3 CRITICAL - ")
                    .contains(hostileCase.step() + ": " + hostileCase.reason());
            assertThat(plugin.stdout()).as(plugin.toString())
                    .contains("sensor status DOWN in phase " + hostileCase.phase() + " after ");
            assertBounded(plugin, MAX_SECONDS);
            assertNoForeignDelete(running);
        }
    }

    @ParameterizedTest
    @EnumSource(HostileCases.class)
    void throughTheRunner(HostileCases hostileCase) throws Exception {
        try (HostileCases.Running running = hostileCase.start()) {
            MeasuredProcess runner = Hosts.runnerOnce(dir, Map.of("hostile",
                    Hosts.withTenSecondBudget(running.settings())));

            assertThat(runner.exitCode()).as(runner.toString()).isEqualTo(1);
            JsonNode result = Hosts.results(runner).get("hostile");
            assertThat(result).as(runner.toString()).isNotNull();
            assertThat(result.get("status").asText()).as(runner.toString()).isEqualTo(hostileCase.status().name());
            assertThat(result.get("phase").asText()).as(runner.toString()).isEqualTo(hostileCase.phase());
            assertThat(result.get("message").asText()).as(runner.toString())
                    .contains(hostileCase.step() + ": " + hostileCase.reason());
            assertThat(result.get("elapsedSeconds").asDouble()).isLessThanOrEqualTo(MAX_SECONDS);
            assertBounded(runner, MAX_SECONDS + RUNNER_START);
            assertNoForeignDelete(running);
        }
    }

    @Test
    void theRunDeadlineMidPollIsUnknownInPhasePop3ThroughBothHosts() throws Exception {
        // Every POP3 reply 2.5 s late: each within the 3 s POP3 timeout, together past the 10 s budget
        // (2 x smtpTimeout 1 + maxTripTime 2 + 2 x pop3Timeout 3).
        try (FakeMailbox mailbox = new FakeMailbox(); FakeSmtpServer smtp = FakeSmtpServer.plain(mailbox);
             HostileServer pop3 = HostileServer.start("slow-pop3", HostilePop3.of(mailbox, HostilePop3.Fault.SLOW,
                     2500))) {
            Map<String, String> settings = new LinkedHashMap<>(Hosts.withTenSecondBudget(Map.of(
                    "from", "sender@hostile.test", "to", "probe@hostile.test", "heloIdent", "sensor.hostile.test",
                    "smtpHost", "127.0.0.1", "smtpPort", String.valueOf(smtp.port()), "smtpSecurity", "none",
                    "pop3Host", "127.0.0.1", "pop3Port", String.valueOf(pop3.port()), "pop3Security", "none")));
            settings.putAll(Map.of("pop3Auth", "password", "pop3User", "probe", "pop3Password", "Slow-Pop3-Pw",
                    "pop3Timeout", "3", "smtpTimeout", "1"));

            MeasuredProcess plugin = Hosts.plugin(settings, "-v");
            assertThat(plugin.exitCode()).as(plugin.toString()).isEqualTo(3);
            assertThat(plugin.firstLine()).as(plugin.toString()).startsWith("SMTP-POP3 UNKNOWN - ")
                    .contains("phase pop3").doesNotContain("internal error");
            assertBounded(plugin, MAX_SECONDS);

            MeasuredProcess runner = Hosts.runnerOnce(dir, Map.of("slow", settings));
            JsonNode result = Hosts.results(runner).get("slow");
            assertThat(result).as(runner.toString()).isNotNull();
            assertThat(result.get("status").asText()).as(runner.toString()).isEqualTo("UNKNOWN");
            assertThat(result.get("phase").asText()).as(runner.toString()).isEqualTo("pop3");
            assertThat(result.get("message").asText()).as(runner.toString())
                    .contains("run deadline reached in phase pop3, step ");
            assertThat(result.get("elapsedSeconds").asDouble()).isLessThanOrEqualTo(MAX_SECONDS);
            assertBounded(runner, MAX_SECONDS + RUNNER_START);
        }
    }

    private static void assertBounded(MeasuredProcess run, double maxSeconds) {
        // The measurements, for the record (issue 13 asks for them).
        System.out.printf(java.util.Locale.ROOT, "fault suite: %.2f s, peak %d MiB: %s%n", run.seconds(),
                run.peakRssMiB(), run.firstLine().startsWith("{") ? run.firstLine().replaceAll(
                        ".*\"status\":\"(\\w+)\",\"phase\":\"(\\w+)\",\"message\":\"([^\"]*)\".*", "runner $1 $2 $3")
                        : "plugin " + run.firstLine().replaceAll(" \\|.*", ""));
        assertThat(run.seconds()).as("wall time; " + run).isLessThanOrEqualTo(maxSeconds);
        assertThat(run.peakRssMiB()).as("peak RSS; " + run).isBetween(1L, Hosts.MAX_RSS_MIB);
        assertThat(run.stderr()).as(run.toString()).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(run.stdout().chars().filter(HostileServerIT::unsafe).count()).as("control characters in the"
                + " output; " + run).isZero();
    }

    /** What no output may carry (a line break ends a line, and is the one control allowed). */
    private static boolean unsafe(int c) {
        return c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029;
    }

    private static void assertNoForeignDelete(HostileCases.Running running) {
        if (running.pop3() != null) {
            assertThat(running.pop3().deleted()).doesNotContain(HostilePop3.FOREIGN_UID);
        }
    }
}
