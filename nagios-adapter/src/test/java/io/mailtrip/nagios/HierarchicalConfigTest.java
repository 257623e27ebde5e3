package io.mailtrip.nagios;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --config} in the runner's form with {@code --device}: levels resolved nearest first by the SPI's
 * {@code InheritedSettings} (command line, environment, device, group, root defaults), against GreenMail.
 */
class HierarchicalConfigTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static final String UNMEASURED = "\n";
    private static final String FILE_PASSWORD = "Wrong-password-in-file";

    @TempDir
    Path temp;

    private final Map<String, String> environment = new HashMap<>(
            Map.of("MAILTRIP_POP3_PASSWORD", MailServers.PROBE_PASSWORD));

    @Test
    void aDeviceTakesItsGroupAndTheDefaultsAndEveryValueShowsItsOrigin() throws IOException {
        Path config = runnerFile("");

        NagiosPlugin.Printed printed = run("--config", config.toString(), "--device", "mx1", "-vvv");

        assertThat(printed.state()).as(printed.text()).isEqualTo(PluginState.OK);
        assertThat(printed.text()).contains(
                "\nsetting smtpHost = 127.0.0.1 (device mx1)\n",
                "\nsetting smtpPort = " + GREEN_MAIL.getSmtp().getPort() + " (device mx1)\n",
                "\nsetting pop3Interval = 1 (group eu)\n",
                "\nsetting pop3Host = 127.0.0.1 (root defaults)\n",
                "\nsetting pop3Password = ****** (environment)\n",
                "\nsetting graphType = independent (default)\n",
                // A key of some other sensor type in a shared file is no error, but -v says it is unused.
                "\nnote: --config " + config + ": group eu: fooBar is no setting of smtp-pop3-roundtrip and is"
                        + " ignored\n");
        assertThat(printed.text()).doesNotContain(MailServers.PROBE_PASSWORD).doesNotContain(FILE_PASSWORD);
    }

    @Test
    void theRunnersExampleFileWorksWithDeviceThroughItsSensorEntry() throws IOException {
        // The shape of the runner README's example: the mailbox and addresses live in the sensor's entry.
        Map<String, String> settings = MailServers.plainSettings(GREEN_MAIL);
        String smtpHost = settings.remove("smtpHost");
        String smtpPort = settings.remove("smtpPort");
        settings.remove("pop3Password");
        settings.remove("pop3Interval");
        List<String> yaml = new ArrayList<>(List.of(
                "http: {address: 127.0.0.1, port: 9464}",
                "history: {size: 1440}",
                "defaults:",
                "  smtpSecurity: none",
                "groups:",
                "  eu:",
                "    settings: {pop3Interval: 1}",
                "devices:",
                "  mx1:",
                "    group: eu",
                "    host: " + smtpHost,
                "    settings: {smtpPort: " + smtpPort + "}",
                "sensors:",
                "  - id: mx1-roundtrip",
                "    sensor: smtp-pop3-roundtrip",
                "    device: mx1",
                "    settings:",
                "      interval: 60",
                "      pop3Password: ${env:MX1_POP3_PASSWORD}"));
        settings.forEach((key, value) -> yaml.add("      " + key + ": \"" + value + "\""));
        Path config = Files.writeString(temp.resolve("runner-example.yml"), String.join("\n", yaml) + "\n");
        environment.clear();
        environment.put("MX1_POP3_PASSWORD", MailServers.PROBE_PASSWORD);

        NagiosPlugin.Printed printed = run("--config", config.toString(), "--device", "mx1", "-vvv");

        assertThat(printed.state()).as(printed.text()).isEqualTo(PluginState.OK);
        assertThat(printed.text()).contains("\nsetting from = " + settings.get("from") + " (sensor mx1-roundtrip)\n",
                "\nsetting pop3Password = ****** (sensor mx1-roundtrip)\n",
                "\nsetting smtpPort = " + smtpPort + " (device mx1)\n",
                "\nsetting pop3Interval = 1 (group eu)\n");

        environment.clear();
        assertThat(run("--config", config.toString(), "--device", "mx1").text()).isEqualTo("SMTP-POP3 UNKNOWN - "
                + "--config " + config + ": sensors[0].settings.pop3Password: environment variable MX1_POP3_PASSWORD"
                + " is not set" + UNMEASURED);
    }

    @Test
    void theCommandLineWinsOverTheDeviceAndItsHost() throws IOException {
        Path config = runnerFile("");

        NagiosPlugin.Printed printed = run("--config", config.toString(), "--device", "mx2", "-H", "127.0.0.1",
                "--smtp-port", String.valueOf(GREEN_MAIL.getSmtp().getPort()), "-vvv");

        assertThat(printed.state()).as(printed.text()).isEqualTo(PluginState.OK);
        assertThat(printed.text()).contains("\nsetting smtpHost = 127.0.0.1 (command line)\n",
                "\nsetting pop3Interval = 2 (root defaults)\n");
    }

    @Test
    void withoutDeviceOnlyTheDefaultsApply() throws IOException {
        Path config = runnerFile("");
        assertThat(run("--config", config.toString()).text())
                .startsWith("SMTP-POP3 UNKNOWN - --smtp-host: is required (a host name or IP address)" + UNMEASURED);
    }

    @Test
    void aBadValueOfADeviceNamesItsEntryInTheFile() throws IOException {
        Path config = runnerFile("  mx3:\n    group: eu\n    host: 127.0.0.1\n    settings: {smtpPort: 70000}\n");
        assertThat(run("--config", config.toString(), "--device", "mx3").text()).isEqualTo("SMTP-POP3 UNKNOWN - "
                + "--config " + config + ": devices.mx3.settings.smtpPort: 70000 is not in 1..65535" + UNMEASURED);
    }

    @Test
    void aBadHostOfADeviceNamesItsEntryInTheFile() throws IOException {
        Path config = runnerFile("  mx3:\n    host: 'mail example'\n");
        assertThat(run("--config", config.toString(), "--device", "mx3").text())
                .startsWith("SMTP-POP3 UNKNOWN - --config " + config + ": devices.mx3.host: ");
    }

    @Test
    void deviceErrorsAreOneUnknownLineNamingTheOptionAndTheRule() throws IOException {
        Path runner = runnerFile("");
        Path flat = Files.writeString(temp.resolve("flat.yml"), "smtpHost: 127.0.0.1\n");

        assertThat(run("--device", "mx1").text()).isEqualTo("SMTP-POP3 UNKNOWN - --device: needs --config FILE:"
                + " the devices are defined in that file" + UNMEASURED);
        assertThat(run("--config", flat.toString(), "--device", "mx1").text()).isEqualTo("SMTP-POP3 UNKNOWN -"
                + " --device: needs a --config file with a devices section, but " + flat + " is a flat map of"
                + " settings" + UNMEASURED);
        assertThat(run("--config", runner.toString(), "--device", "mx9").text()).isEqualTo("SMTP-POP3 UNKNOWN -"
                + " --device: 'mx9' is not a device of --config " + runner + " (devices: mx1, mx2)" + UNMEASURED);
        assertThat(run("--config", runner.toString(), "--device", "mx9").state().exitCode()).isEqualTo(3);
    }

    @Test
    void aMalformedRunnerFileNamesTheEntry() throws IOException {
        Path badGroup = Files.writeString(temp.resolve("group.yml"),
                "groups: {eu: {}}\ndevices: {mx1: {group: us}}\n");
        assertThat(run("--config", badGroup.toString(), "--device", "mx1").text()).isEqualTo("SMTP-POP3 UNKNOWN -"
                + " --config " + badGroup + ": devices.mx1.group: unknown group 'us' (known: eu)" + UNMEASURED);

        Path badKey = Files.writeString(temp.resolve("key.yml"), "devices: {mx1: {hots: 127.0.0.1}}\n");
        assertThat(run("--config", badKey.toString(), "--device", "mx1").text()).isEqualTo("SMTP-POP3 UNKNOWN -"
                + " --config " + badKey + ": devices.mx1.hots: unknown key (known: group, host, settings)"
                + UNMEASURED);

        Path topLevelSetting = Files.writeString(temp.resolve("top.yml"), "defaults: {}\nsmtpPort: 25\n");
        assertThat(run("--config", topLevelSetting.toString()).text()).isEqualTo("SMTP-POP3 UNKNOWN - --config "
                + topLevelSetting + ": smtpPort is a setting at the top level of a file with defaults, groups,"
                + " devices, sensors sections; put it under defaults" + UNMEASURED);

        Path badSettings = Files.writeString(temp.resolve("settings.yml"), "defaults: [smtpPort]\n");
        assertThat(run("--config", badSettings.toString()).text()).isEqualTo("SMTP-POP3 UNKNOWN - --config "
                + badSettings + ": defaults: must be a mapping of setting keys to values" + UNMEASURED);
    }

    /**
     * The GreenMail settings spread over the levels of the runner's file: the mailbox in the defaults (with
     * a wrong password the environment overrides), a faster poll in group eu, the SMTP port and host in
     * device mx1; device mx2 points at an unroutable host, and the runner's sensors section is present.
     */
    private Path runnerFile(String moreDevices) throws IOException {
        Map<String, String> defaults = MailServers.plainSettings(GREEN_MAIL);
        String smtpHost = defaults.remove("smtpHost");
        String smtpPort = defaults.remove("smtpPort");
        defaults.put("pop3Password", FILE_PASSWORD);
        defaults.put("pop3Interval", "2");
        List<String> yaml = new ArrayList<>(List.of("# the runner's file", "defaults:"));
        defaults.forEach((key, value) -> yaml.add("  " + key + ": \"" + value + "\""));
        yaml.addAll(List.of(
                "groups:",
                "  eu:",
                "    settings: {pop3Interval: 1, fooBar: 1}",
                "devices:",
                "  mx1:",
                "    group: eu",
                "    host: " + smtpHost,
                "    settings:",
                "      smtpPort: " + smtpPort,
                "  mx2:",
                "    host: 192.0.2.1"));
        String text = String.join("\n", yaml) + "\n" + moreDevices
                + "sensors:\n  - {id: rt-mx1, sensor: smtp-pop3-roundtrip, device: mx1}\n";
        return Files.writeString(temp.resolve("mailtrip.yml"), text);
    }

    private NagiosPlugin.Printed run(String... args) {
        return new NagiosPlugin(Sensors.roundTripProvider().id(), environment::get, new ExitGuard(null, null)).execute(args);
    }
}
