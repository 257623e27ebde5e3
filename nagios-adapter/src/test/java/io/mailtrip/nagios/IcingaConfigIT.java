package io.mailtrip.nagios;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Icinga 2 itself validates the shipped CheckCommand ({@code icinga2 daemon -C}) with the ITL loaded and
 * a service that uses it. Needs the package icinga2-bin; CI (CI=true) fails without it.
 */
class IcingaConfigIT {

    private static final Path ICINGA2 = Path.of("/usr/sbin/icinga2");

    @TempDir
    Path temp;

    /** Both sensors' plugin folders: the folder's system property, the command, the sensor id, its password. */
    @ParameterizedTest(name = "{1}")
    @CsvSource({"mailtrip.plugin.folder, smtp_pop3_roundtrip, smtp-pop3-roundtrip, pop3_password",
        "mailtrip.imap.plugin.folder, smtp_imap_roundtrip, smtp-imap-roundtrip, imap_password"})
    void icingaAcceptsTheShippedCheckCommand(String folder, String checkCommand, String sensorId, String password)
            throws Exception {
        boolean installed = Files.isExecutable(ICINGA2);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("icinga2 is not installed: apt-get install icinga2-bin (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, "icinga2 not installed (apt-get install icinga2-bin); skipping");
        Path shipped = Path.of(System.getProperty(folder)).resolve("icinga2-command.conf");
        Path config = Files.writeString(temp.resolve("icinga2.conf"), String.join("\n",
                "const PluginDir = \"/usr/lib/nagios/plugins\"",
                "const PluginContribDir = \"/usr/lib/nagios/plugins\"",
                "include <itl>",
                "include <plugins>",
                "include \"" + shipped + "\"",
                "object Host \"mail1\" { check_command = \"dummy\"; address = \"127.0.0.1\" }",
                "object Service \"roundtrip\" {",
                "  host_name = \"mail1\"",
                "  check_command = \"" + checkCommand + "\"",
                "  vars." + checkCommand + "_config = \"/etc/nagios/" + sensorId + ".yml\"",
                "  vars." + checkCommand + "_verify_hostname = false",
                "  vars." + checkCommand + "_" + password + " = \"not-a-real-password\"",
                "}", ""));
        List<String> command = new ArrayList<>(List.of(ICINGA2.toString(), "daemon", "-C", "-c", config.toString(),
                "-DRunAsUser=" + System.getProperty("user.name"), "-DRunAsGroup=" + System.getProperty("user.name")));
        for (String dir : List.of("StateDir", "CacheDir", "LogDir", "InitRunDir", "DataDir", "SpoolDir")) {
            command.add("-D" + dir + "=" + Files.createDirectories(temp.resolve(dir)));
        }

        ProcessRun run = ProcessRun.of(command, Map.of(), Duration.ofSeconds(60));

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("Instantiated 1 Service.").contains("Finished validating the configuration");
    }
}
