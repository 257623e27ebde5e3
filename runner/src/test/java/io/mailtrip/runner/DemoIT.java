package io.mailtrip.runner;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's run command, as a user types it: the shaded jar, {@code --demo --once}, a real round trip. */
class DemoIT {

    @Test
    void demoOnceExitsZeroAfterARealRoundTrip() throws Exception {
        Path jar = Path.of("target", "mailtrip-runner.jar");
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--demo", "--once")
                .redirectErrorStream(false).start();
        process.getOutputStream().close();

        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("ended within 60 s").isTrue();
        assertThat(process.exitValue()).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
        assertThat(out).matches("(?s)(?=.*\\S+Z demo UP total=[0-9.]+ms smtp=[0-9.]+ms pop3=[0-9.]+ms "
                + "downtime=0% certificate=- "
                + "- round trip [^\\n]+\\R)(?=.*\\S+Z demo-imap UP total=[0-9.]+ms smtp=[0-9.]+ms imap=[0-9.]+ms "
                + "downtime=0% certificate=- - round trip [^\\n]+IDLE\\)\\R).*");
        assertThat(err).startsWith("mailtrip demo: GreenMail SMTP on 127.0.0.1:").doesNotContain("SLF4J");
        assertThat(Files.size(jar)).isGreaterThan(1_000_000);
    }
}
