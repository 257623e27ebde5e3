package io.mailtrip.nagios;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The built plugin folder, run as a monitoring core runs it: a separate process, stdout and exit code. */
class LauncherIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void helpAndVersionExitUnknownOnStdoutOnly() throws Exception {
        ProcessRun help = ProcessRun.of(List.of(PluginFolder.launcher().toString(), "--help"), Map.of(), LIMIT);
        assertThat(help.exitCode()).isEqualTo(3);
        assertThat(help.stdout()).startsWith("check_smtp_pop3_roundtrip" + " 0.1.0").contains("--smtp-port");
        assertThat(help.stderr()).isEmpty();

        ProcessRun version = ProcessRun.of(List.of(PluginFolder.launcher().toString(), "-V"), Map.of(), LIMIT);
        assertThat(version.exitCode()).isEqualTo(3);
        assertThat(version.stdout()).matches("check_smtp_pop3_roundtrip" + " 0\\.1\\.0\\S* \\(mailtrip\\)\n");
    }

    @Test
    void aRoundTripThroughALinkIsOkWithPasswordsFromTheEnvironment() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("check_smtp_pop3_roundtrip"), PluginFolder.launcher());
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.remove("pop3Password");
        List<String> command = new ArrayList<>(List.of(link.toString(), "-w", "20", "-c", "30", "-vv"));
        command.addAll(NagiosPluginTest.options(settings));

        ProcessRun run = ProcessRun.of(command, Map.of("MAILTRIP_POP3_PASSWORD", MailServers.PROBE_PASSWORD), LIMIT);

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.firstLine()).containsPattern("^SMTP-POP3 OK - total [0-9.]+s - round trip ");
        assertThat(run.perfdata().get("total")).matches("[0-9]+\\.[0-9]+s;20;30;0");
        assertThat(run.stdout()).contains("pop3> PASS ******").doesNotContain(MailServers.PROBE_PASSWORD);
        assertThat(run.stderr()).isEmpty();
        Files.delete(link);
    }

    /**
     * Whatever the archive beside the jar and whatever the Java: stdout has the plugin's line, stderr
     * nothing (Icinga 2 would merge it into the service output). A foreign archive (bytes of no JVM), an
     * AOT cache made by no Java, and Temurin 25 (when installed) running with the archive of the build's Java.
     */
    @Test
    void aStaleArchiveOrAnotherJavaLeavesStderrEmpty() throws Exception {
        Path copy = temp.resolve("copy");
        ProcessRun cp = ProcessRun.of(List.of("cp", "-a", PluginFolder.path().toString(), copy.toString()), Map.of(),
                LIMIT);
        assertThat(cp.exitCode()).as(cp.stderr()).isZero();
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(11).nextBytes(garbage);
        List<String> command = new ArrayList<>(List.of(copy.resolve("check_smtp_pop3_roundtrip").toString()));
        command.addAll(NagiosPluginTest.options(MailServers.plainSettings(GREEN_MAIL)));
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

        List<ProcessRun> runs = new ArrayList<>();
        if (Files.isExecutable(java25)) {
            // The archive of the build's Java (17) under Java 25: a Java update.
            runs.add(ProcessRun.of(command, Map.of("MAILTRIP_JAVA", java25.toString()), LIMIT));
        }
        Files.write(copy.resolve("lib/check_smtp_pop3_roundtrip.jsa"), garbage);
        runs.add(ProcessRun.of(command, Map.of(), LIMIT));
        if (Files.isExecutable(java25)) {
            runs.add(ProcessRun.of(command, Map.of("MAILTRIP_JAVA", java25.toString()), LIMIT));
        }
        Files.write(copy.resolve("lib/check_smtp_pop3_roundtrip.aot"), garbage);
        runs.add(ProcessRun.of(command, Map.of(), LIMIT));
        if (Files.isExecutable(java25)) {
            runs.add(ProcessRun.of(command, Map.of("MAILTRIP_JAVA", java25.toString()), LIMIT));
        }

        assertThat(runs).allSatisfy(run -> {
            assertThat(run.stderr()).as(run.stdout()).isEmpty();
            assertThat(run.exitCode()).as(run.stdout()).isZero();
            assertThat(run.stdout()).startsWith("SMTP-POP3 OK - total ").hasLineCount(1);
        });
    }

    /**
     * A server that accepts and never answers, with SMTP waits far longer than {@code -t}: the plugin still
     * answers by its deadline (the sensor cuts the run; the exit guard would, 1 s later, if it did not).
     */
    @Test
    void aSilentServerEndsAtThePluginDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> holdConnections(silent), "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
            settings.put("smtpPort", String.valueOf(silent.getLocalPort()));
            settings.put("smtpTimeout", "30");
            List<String> command = new ArrayList<>(List.of(PluginFolder.launcher().toString(), "-t", "2"));
            command.addAll(NagiosPluginTest.options(settings));
            long start = System.nanoTime();

            ProcessRun run = ProcessRun.of(command, Map.of(), LIMIT);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(run.exitCode()).as(run.stdout()).isEqualTo(3);
            assertThat(run.firstLine()).startsWith("SMTP-POP3 UNKNOWN - plugin timeout (-t 2 s) ");
            // Deadline + grace + JVM start, with room for a busy build machine; far below the 30 s waits.
            assertThat(took).isLessThan(Duration.ofSeconds(4));
        }
    }

    /** Jackson costs start-up time: only a --config file may load it (the JVM logs every class it loads). */
    @Test
    void onlyAConfigFileLoadsTheYamlParser() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = PluginFolder.path().resolve("lib/check_smtp_pop3_roundtrip.jar").toString();
        List<String> plain = List.of(java, "-Xlog:class+load:stdout", "-Dmailtrip.sensor=smtp-pop3-roundtrip", "-jar",
                jar, "-H", "127.0.0.1", "--smtp-port",
                "1", "--from", "a@example.org", "--to", "a@example.org", "--pop3-host", "127.0.0.1");
        Path config = Files.writeString(temp.resolve("mailtrip.yml"), "defaults: {}\n");
        List<String> withConfig = new ArrayList<>(plain);
        withConfig.addAll(List.of("--config", config.toString()));

        assertThat(ProcessRun.of(plain, Map.of(), LIMIT).stdout()).contains("io.mailtrip.nagios.NagiosPlugin ")
                .doesNotContain("com.fasterxml.jackson");
        assertThat(ProcessRun.of(withConfig, Map.of(), LIMIT).stdout()).contains("com.fasterxml.jackson");
    }

    @Test
    void theJarWithoutASensorFromItsLauncherIsOneUnknownLine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = PluginFolder.path().resolve("lib/check_smtp_pop3_roundtrip.jar").toString();

        ProcessRun none = ProcessRun.of(List.of(java, "-jar", jar, "--help"), Map.of(), LIMIT);
        ProcessRun unknown = ProcessRun.of(List.of(java, "-Dmailtrip.sensor=no-such-sensor", "-jar", jar, "--help"),
                Map.of(), LIMIT);

        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.stdout()).isEqualTo("MAILTRIP UNKNOWN - internal error: IllegalStateException: the launcher"
                + " names no sensor (-Dmailtrip.sensor=ID)\n");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.stdout()).isEqualTo("NO-SUCH-SENSOR UNKNOWN - sensor: unknown sensor 'no-such-sensor'"
                + " (known: smtp-pop3-roundtrip)\n");
    }

    private static void holdConnections(ServerSocket server) {
        List<Socket> held = new ArrayList<>();
        try {
            while (true) {
                held.add(server.accept());
            }
        } catch (IOException closed) {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // The test is over.
                }
            });
        }
    }

    @Test
    void theOneLineOutputFitsAnNrpeV2Packet() throws Exception {
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.put("to", "nobody@localhost");
        settings.put("maxTripTime", "1");
        List<String> command = new ArrayList<>(List.of(PluginFolder.launcher().toString(), "-v"));
        command.addAll(NagiosPluginTest.options(settings));

        ProcessRun run = ProcessRun.of(command, Map.of(), LIMIT);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(run.perfdata()).as("the POP3 leg did not end: left out").containsOnlyKeys("smtp");
    }
}
