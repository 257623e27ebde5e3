package io.mailtrip.runner.hostile;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, hostile inputs from the local side, through both hosts as processes: a configuration file
 * far over the limit, a {@code ${file:}} reference to an endless device or to a large file, and a
 * {@code ${file:}} reference in a setting whose value would be shown. Each is refused by name before
 * it is read, quickly and within the memory bound; the content of a referenced file is never shown.
 */
class HostileInputIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static final String FILE_CONTENT = "content-of-a-private-file-7f3a9";

    @TempDir
    Path dir;

    private Map<String, String> settings() {
        return Hosts.withTenSecondBudget(MailServers.plainSettings(GREEN_MAIL));
    }

    private static void assertQuickAndSmall(MeasuredProcess run) {
        assertThat(run.seconds()).as(run.toString()).isLessThan(5.0);
        assertThat(run.peakRssMiB()).as(run.toString()).isLessThanOrEqualTo(Hosts.MAX_RSS_MIB);
    }

    @Test
    void aNormalRoundTripThroughBothHostsIsTheBaseline() throws Exception {
        MeasuredProcess plugin = Hosts.plugin(settings());
        assertThat(plugin.exitCode()).as(plugin.toString()).isZero();
        assertThat(plugin.peakRssMiB()).as(plugin.toString()).isBetween(1L, Hosts.MAX_RSS_MIB);

        MeasuredProcess runner = Hosts.runnerOnce(dir, Map.of("good", settings()));
        assertThat(runner.exitCode()).as(runner.toString()).isZero();
        assertThat(Hosts.results(runner).get("good").get("status").asText()).isEqualTo("UP");
        assertThat(runner.peakRssMiB()).as(runner.toString()).isBetween(1L, Hosts.MAX_RSS_MIB);
    }

    @Test
    void aPasswordFromDevZeroIsRefusedWithoutReadingIt() throws Exception {
        Map<String, String> settings = settings();
        settings.put("pop3Password", "${file:/dev/zero}");

        MeasuredProcess plugin = Hosts.plugin(settings);
        assertThat(plugin.exitCode()).as(plugin.toString()).isEqualTo(3);
        assertThat(plugin.firstLine()).startsWith("SMTP-POP3 UNKNOWN - --pop3-password: ")
                .contains("/dev/zero").doesNotContain("internal error");
        assertQuickAndSmall(plugin);

        MeasuredProcess runner = Hosts.runnerOnce(dir, Map.of("zero", settings));
        assertThat(runner.exitCode()).as(runner.toString()).isEqualTo(2);
        assertThat(runner.stderr()).contains("pop3Password: ").contains("/dev/zero")
                .doesNotContain("internal error");
        assertQuickAndSmall(runner);
    }

    @Test
    void aReferencedFileOverTheLimitIsRefusedWithoutReadingIt() throws Exception {
        Path big = Files.writeString(dir.resolve("big-password"), "p".repeat(65 * 1024));
        Map<String, String> settings = settings();
        settings.put("pop3Password", "${file:" + big + "}");

        MeasuredProcess plugin = Hosts.plugin(settings);
        assertThat(plugin.exitCode()).as(plugin.toString()).isEqualTo(3);
        assertThat(plugin.firstLine()).startsWith("SMTP-POP3 UNKNOWN - --pop3-password: ").contains("64 KiB");
        assertQuickAndSmall(plugin);

        MeasuredProcess runner = Hosts.runnerOnce(dir, Map.of("big", settings));
        assertThat(runner.exitCode()).as(runner.toString()).isEqualTo(2);
        assertThat(runner.stderr()).contains("pop3Password: ").contains("64 KiB");
        assertQuickAndSmall(runner);
    }

    @Test
    void aHugeConfigurationFileIsRefusedWithoutReadingIt() throws Exception {
        // 16 MiB of valid YAML: what took the runner 45 s and 1.2 GB before.
        Path huge = dir.resolve("huge.yml");
        String line = "# " + "x".repeat(1021) + "\n";
        Files.writeString(huge, "sensors: []\n" + line.repeat(16 * 1024));

        MeasuredProcess plugin = Hosts.plugin(Map.of(), "--config", huge.toString());
        assertThat(plugin.exitCode()).as(plugin.toString()).isEqualTo(3);
        assertThat(plugin.firstLine()).startsWith("SMTP-POP3 UNKNOWN - ").contains(huge.toString())
                .contains("4 MiB");
        assertQuickAndSmall(plugin);

        MeasuredProcess runner = Hosts.runner("--config", huge.toString(), "--validate");
        assertThat(runner.exitCode()).as(runner.toString()).isEqualTo(2);
        assertThat(runner.stderr()).contains(huge.toString()).contains("4 MiB");
        assertQuickAndSmall(runner);
    }

    @Test
    void theContentOfAReferencedFileIsNeverShown() throws Exception {
        Path secret = Files.writeString(dir.resolve("private"), FILE_CONTENT + "\n");
        for (String key : new String[] {"from", "subjectPrefix"}) {
            Map<String, String> settings = settings();
            settings.put(key, "${file:" + secret + "}");

            MeasuredProcess plugin = Hosts.plugin(settings, "-vvv");
            assertThat(plugin.stdout() + plugin.stderr()).as(key).doesNotContain(FILE_CONTENT);

            MeasuredProcess runner = Hosts.runnerOnce(dir, Map.of("leak", settings));
            assertThat(runner.stdout() + runner.stderr()).as(key).doesNotContain(FILE_CONTENT);
            MeasuredProcess validate = Hosts.runner("--config", dir.resolve("mailtrip.yml").toString(), "--validate");
            assertThat(validate.stdout() + validate.stderr()).as(key).doesNotContain(FILE_CONTENT);
        }
    }


    @Test
    void anOutOfMemoryErrorInThePluginIsOneUnknownLineAndExitThree() throws Exception {
        // The launcher's JVM through a stand-in java that swaps its -Xmx96m for a heap too small to parse a
        // 3 MiB configuration file (within the 4 MiB limit): the OutOfMemoryError comes from the plugin's
        // own work, and must still give the one UNKNOWN line and exit 3 (it gave exit 1 before).
        Path smallHeapJava = dir.resolve("small-heap-java");
        Files.writeString(smallHeapJava, "#!/bin/bash\nexec '" + Hosts.java() + "' \"${@/#-Xmx96m/-Xmx12m}\"\n");
        Files.setPosixFilePermissions(smallHeapJava, PosixFilePermissions.fromString("rwx------"));
        Path big = dir.resolve("big.yml");
        StringBuilder yaml = new StringBuilder("defaults:\n");
        for (int i = 0; yaml.length() < 3 * 1024 * 1024; i++) {
            yaml.append("  key").append(i).append(": ").append("v".repeat(40)).append('\n');
        }
        Files.writeString(big, yaml);

        MeasuredProcess plugin = Hosts.plugin(Map.of("MAILTRIP_JAVA", smallHeapJava.toString()), Map.of(),
                "--config", big.toString());

        assertThat(plugin.exitCode()).as(plugin.toString()).isEqualTo(3);
        assertThat(plugin.stdout()).as(plugin.toString())
                // Before the sensor is known the line names the plugin by its sensor id (SMTP-POP3-ROUNDTRIP).
                .matches("SMTP-POP3(-ROUNDTRIP)? UNKNOWN - internal error: OutOfMemoryError[^\n]*\n");
    }
}
