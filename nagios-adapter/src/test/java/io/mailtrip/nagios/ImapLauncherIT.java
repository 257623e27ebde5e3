package io.mailtrip.nagios;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtpimap.testkit.ImapSensors;
import io.mailtrip.sensor.smtppop3.testkit.MailStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second sensor's plugin folder, {@code check_smtp_imap_roundtrip}: the same adapter jar, its own
 * launcher naming the sensor, run as a monitoring core runs it (a separate process, stdout, exit code).
 */
class ImapLauncherIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = ImapSensors.greenMail();

    private static final Duration LIMIT = Duration.ofSeconds(60);

    static Path launcher() {
        String folder = System.getProperty("mailtrip.imap.plugin.folder");
        assertThat(folder).as("system property mailtrip.imap.plugin.folder (set by failsafe)").isNotNull();
        Path launcher = Path.of(folder).resolve("check_smtp_imap_roundtrip");
        assertThat(Files.isExecutable(launcher)).as(launcher + " is executable").isTrue();
        return launcher;
    }

    @Test
    void helpNamesTheImapOptionsAndExitsUnknown() throws Exception {
        ProcessRun help = ProcessRun.of(List.of(launcher().toString(), "--help"), Map.of(), LIMIT);
        assertThat(help.exitCode()).isEqualTo(3);
        assertThat(help.stdout()).startsWith("check_smtp_imap_roundtrip 0.1.0").contains("--imap-host")
                .contains("--imap-wait").contains("--imap-folder").doesNotContain("--pop3-host");
        assertThat(help.stderr()).isEmpty();
    }

    @Test
    void folderShipsOnlyItsOwnSensor() throws Exception {
        try (var lib = Files.list(launcher().getParent().resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("smtp-imap-sensor"))
                    .noneMatch(n -> n.startsWith("smtp-pop3-sensor"));
        }
    }

    @Test
    void aGreenMailRoundTripIsOkWithThePasswordFromTheEnvironment() throws Exception {
        Map<String, String> settings = ImapSensors.greenMailSettings(GREEN_MAIL);
        settings.remove("imapPassword");
        List<String> command = new ArrayList<>(List.of(launcher().toString(), "-w", "20", "-c", "30", "-vv"));
        command.addAll(NagiosPluginTest.options(settings));

        ProcessRun run = ProcessRun.of(command, Map.of("MAILTRIP_IMAP_PASSWORD", ImapSensors.PROBE_PASSWORD), LIMIT);

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.firstLine()).containsPattern("^SMTP-IMAP OK - total [0-9.]+s - round trip ");
        assertThat(run.perfdata()).containsKeys("smtp", "imap", "total");
        assertThat(run.stdout()).doesNotContain(ImapSensors.PROBE_PASSWORD);
    }

    /** Done when: real Postfix + Dovecot, STARTTLS on both legs, IDLE; exit 0 with smtp, imap, total perfdata. */
    @Test
    void realPostfixAndDovecotWithStartTlsOnBothLegsAndIdle() throws Exception {
        MailStack.require();
        Map<String, String> settings = ImapSensors.stackSettings("SUBMISSION_PORT", "enforceStartTls", "IMAP_PORT",
                "enforceStartTls", MailStack.get("IMAP_PROBE"), MailStack.get("IMAP_PROBE_PASSWORD"));
        settings.put("imapWait", "idle");
        settings.remove("smtpPassword");
        settings.remove("imapPassword");
        List<String> command = new ArrayList<>(List.of(launcher().toString(), "-v"));
        command.addAll(NagiosPluginTest.options(settings));

        ProcessRun run = ProcessRun.of(command, Map.of("MAILTRIP_SMTP_PASSWORD", MailStack.get("SENDER_PASSWORD"),
                "MAILTRIP_IMAP_PASSWORD", MailStack.get("IMAP_PROBE_PASSWORD")), LIMIT);

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.firstLine()).containsPattern("^SMTP-IMAP OK - total [0-9.]+s - round trip .*IDLE\\)");
        assertThat(run.perfdata()).containsKeys("smtp", "imap", "total");
        assertThat(run.perfdata().get("imap")).matches("[0-9]+\\.[0-9]+s;;;0");
        assertThat(run.stdout()).doesNotContain(MailStack.get("IMAP_PROBE_PASSWORD"))
                .doesNotContain(MailStack.get("SENDER_PASSWORD"));
    }
}
