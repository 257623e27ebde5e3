package io.mailtrip.nagios;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(help.stdout()).startsWith(NagiosPlugin.NAME + " 0.1.0").contains("--smtp-port");
        assertThat(help.stderr()).isEmpty();

        ProcessRun version = ProcessRun.of(List.of(PluginFolder.launcher().toString(), "-V"), Map.of(), LIMIT);
        assertThat(version.exitCode()).isEqualTo(3);
        assertThat(version.stdout()).matches(NagiosPlugin.NAME + " 0\\.1\\.0\\S* \\(mailtrip\\)\n");
    }

    @Test
    void aRoundTripThroughALinkIsOkWithPasswordsFromTheEnvironment() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve(NagiosPlugin.NAME), PluginFolder.launcher());
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        settings.remove("pop3Password");
        List<String> command = new ArrayList<>(List.of(link.toString(), "-w", "20", "-c", "30", "-vv"));
        command.addAll(NagiosPluginTest.options(settings));

        ProcessRun run = ProcessRun.of(command, Map.of("MAILTRIP_POP3_PASSWORD", MailServers.PROBE_PASSWORD), LIMIT);

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.firstLine()).startsWith("SMTP-POP3 OK - round trip ");
        assertThat(run.perfdata().get("total")).matches("[0-9]+\\.[0-9]+s;20;30;0");
        assertThat(run.stdout()).contains("pop3> PASS ******").doesNotContain(MailServers.PROBE_PASSWORD);
        assertThat(run.stderr()).isEmpty();
        Files.delete(link);
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
        assertThat(run.perfdata()).containsOnlyKeys("smtp", "pop3", "total", "downtime");
    }
}
