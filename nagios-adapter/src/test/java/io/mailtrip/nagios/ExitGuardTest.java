package io.mailtrip.nagios;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watchdog that ends a hung plugin. The sensor cuts its own run at the deadline, so in a real run the
 * guard should never have to fire; these tests make it fire: in-process with a recorded exit, and in a
 * JVM of its own ({@link HungPlugin}) whose main thread and a non-daemon thread never end.
 */
class ExitGuardTest {

    @Test
    void itPrintsTheTimeoutLineAndExitsOneGraceAfterTheDeadline() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        ExitGuard guard = new ExitGuard(new PrintStream(bytes, true, StandardCharsets.UTF_8), exit::complete);
        long start = System.nanoTime();

        guard.arm(Duration.ofMillis(200), "SMTP-POP3 UNKNOWN - plugin timeout\n", 3);

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
                Duration.ofMillis(200).plus(ExitGuard.GRACE));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("SMTP-POP3 UNKNOWN - plugin timeout\n");
        assertThat(guard.claim()).as("the plugin may no longer print").isFalse();
    }

    @Test
    void itStaysSilentWhenThePluginPrintedFirst() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        ExitGuard guard = new ExitGuard(new PrintStream(bytes, true, StandardCharsets.UTF_8), exit::complete);
        guard.arm(Duration.ofMillis(100), "timeout line\n", 3);

        assertThat(guard.claim()).isTrue();

        Thread.sleep(Duration.ofMillis(100).plus(ExitGuard.GRACE).plusMillis(500).toMillis());
        assertThat(exit).isNotDone();
        assertThat(bytes.size()).isZero();
    }

    @Test
    void anInactiveGuardNeverFires() {
        ExitGuard guard = new ExitGuard(null, null);
        guard.arm(Duration.ZERO, "never\n", 3);
        assertThat(guard.claim()).isTrue();
    }

    @Test
    void itHaltsAHungJvmWithTheTimeoutStateOnStdout() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();

        ProcessRun run = ProcessRun.of(List.of(java, "-cp", System.getProperty("java.class.path"),
                HungPlugin.class.getName()), Map.of(), Duration.ofSeconds(30));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(HungPlugin.TIMEOUT_STATE.exitCode());
        assertThat(run.stdout()).isEqualTo(HungPlugin.TIMEOUT_LINE);
        assertThat(took).isGreaterThanOrEqualTo(HungPlugin.DEADLINE.plus(ExitGuard.GRACE))
                .isLessThan(Duration.ofSeconds(15));
    }
}
