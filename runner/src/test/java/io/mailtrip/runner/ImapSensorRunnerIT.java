package io.mailtrip.runner;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second sensor in the runner, named only in the configuration file ({@code sensor: smtp-imap-roundtrip}):
 * bundled, and as a drop-in plugin jar for a runner build that does not bundle it (a runner process whose
 * class path has everything but the IMAP sensor, with the sensor's plugin jar in {@code plugins/}).
 */
class ImapSensorRunnerIT {

    @TempDir
    Path work;
    private GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP,
                ServerSetupTest.IMAP}));
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser("probe@localhost", "probe", "Imap-Pw-1"));
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private Path config() throws Exception {
        Path config = work.resolve("config.yml");
        Files.writeString(config, """
                sensors:
                  - id: imap1
                    sensor: smtp-imap-roundtrip
                    settings:
                      from: sender@localhost
                      to: probe@localhost
                      smtpHost: 127.0.0.1
                      smtpPort: %d
                      smtpSecurity: none
                      imapHost: 127.0.0.1
                      imapPort: %d
                      imapSecurity: none
                      imapUser: probe
                      imapPassword: Imap-Pw-1
                      maxTripTime: 10
                """.formatted(greenMail.getSmtp().getPort(), greenMail.getImap().getPort()));
        return config;
    }

    /** Runs the runner's Main in a new JVM on {@code classPath}. */
    private String[] runner(String classPath, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, "io.mailtrip.runner.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("runner ended within 60 s").isTrue();
        return new String[] {String.valueOf(process.exitValue()),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)};
    }

    @Test
    void bundledSensorRunsFromTheConfigurationFile() throws Exception {
        String[] run = runner(System.getProperty("java.class.path"), "--config", config().toString(), "--once");

        assertThat(run[0]).as("exit; stdout %s; stderr %s", run[1], run[2]).isEqualTo("0");
        assertThat(run[1]).matches("\\S+Z imap1 UP total=[0-9.]+ms smtp=[0-9.]+ms imap=[0-9.]+ms downtime=0% certificate=- "
                + "- round trip [^\\n]+IDLE\\)\\R");
    }

    @Test
    void aRunnerWithoutTheSensorLoadsItsPluginJarFromThePluginsFolder() throws Exception {
        String withoutImap = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("smtp-imap-sensor")).collect(Collectors.joining(File.pathSeparator));
        Path plugins = Files.createDirectories(work.resolve("plugins"));

        String[] without = runner(withoutImap, "--config", config().toString(), "--plugins", plugins.toString(),
                "--validate");
        assertThat(without[0]).as("this build does not bundle the IMAP sensor").isEqualTo("2");
        assertThat(without[2]).contains("unknown sensor 'smtp-imap-roundtrip' (known: smtp-pop3-roundtrip;");

        try (var built = Files.list(Path.of("..", "smtp-imap-sensor", "target"))) {
            Path jar = built.filter(p -> p.getFileName().toString().endsWith("-plugin.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no smtp-imap-sensor plugin jar: build that module first"));
            Files.copy(jar, plugins.resolve("smtp-imap-sensor.jar"));
        }
        String[] run = runner(withoutImap, "--config", config().toString(), "--plugins", plugins.toString(), "--once");

        assertThat(run[0]).as("exit; stdout %s; stderr %s", run[1], run[2]).isEqualTo("0");
        assertThat(run[1]).matches("\\S+Z imap1 UP total=[0-9.]+ms smtp=[0-9.]+ms imap=[0-9.]+ms downtime=0% certificate=- "
                + "- round trip [^\\n]+\\R");
    }
}
