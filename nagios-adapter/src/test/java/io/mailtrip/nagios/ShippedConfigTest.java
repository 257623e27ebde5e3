package io.mailtrip.nagios;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files in src/main/dist are what the generator renders now. After a metadata change, regenerate
 * them: {@code mvn -pl nagios-adapter test -Dtest=ShippedConfigTest -Dmailtrip.regenerate=true}.
 */
class ShippedConfigTest {

    private static final Path DIST = Path.of("src/main/dist");
    private final SensorDescriptor descriptor = Sensors.roundTripProvider().descriptor();

    @Test
    void checkedInFilesMatchTheMetadata() throws IOException {
        for (Map.Entry<String, String> file : ShippedConfig.render(descriptor).entrySet()) {
            Path path = DIST.resolve(file.getKey());
            if (Boolean.getBoolean("mailtrip.regenerate")) {
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(path).as("regenerate with -Dmailtrip.regenerate=true").exists();
            assertThat(Files.readString(path)).as(path + " is stale; regenerate with -Dmailtrip.regenerate=true")
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void icingaCommandHasAnArgumentWithTheHelpTextForEverySetting() {
        String conf = IcingaCheckCommand.render(OptionTable.of(descriptor));
        assertThat(conf).startsWith("/*").contains("object CheckCommand \"smtp_pop3_roundtrip\" {");
        assertThat(conf.chars().filter(c -> c == '{').count()).isEqualTo(conf.chars().filter(c -> c == '}').count());
        for (SettingDescriptor setting : descriptor.settings()) {
            if (!OptionTable.offered(descriptor).contains(setting)) {
                // Host-only roles (interval, tags, graph type, stack unit) mean nothing to a one-shot check.
                assertThat(conf).doesNotContain("\"" + OptionNaming.longOption(setting.key()) + "\"");
                continue;
            }
            String variable = "$smtp_pop3_roundtrip_" + OptionNaming.snakeCase(setting.key()) + "$";
            if (setting.type() == SettingType.SECRET) {
                // Passwords travel as environment variables, never as arguments a process list shows.
                assertThat(conf).contains("env." + OptionNaming.environmentVariable(setting.key()) + " = \""
                        + variable + "\"");
                assertThat(conf).doesNotContain("\"" + OptionNaming.longOption(setting.key()) + "\"");
            } else {
                assertThat(conf).contains("\"" + OptionNaming.longOption(setting.key()) + "\" = {");
                assertThat(conf).contains("description = \""
                        + IcingaCheckCommand.escape(SettingHelp.describe(setting)) + "\"");
            }
        }
        assertThat(conf).contains("set_if = {{ macro(\"$smtp_pop3_roundtrip_verify_hostname$\") == true }}");
        assertThat(conf).contains("vars.smtp_pop3_roundtrip_smtp_host = \"$check_address$\"");
        assertThat(conf).contains("timeout = 1m");
    }

    @Test
    void nrpeAndNagiosDefinitionsKeepPasswordsOffTheCommandLine() {
        String nrpe = CommandDefinitions.nrpe(PluginNames.of(descriptor));
        assertThat(nrpe).containsPattern("(?m)^command\\[check_smtp_pop3_roundtrip]=/\\S+ --config /etc/\\S+ -t 50 ");
        assertThat(nrpe + CommandDefinitions.nagios(PluginNames.of(descriptor))).doesNotContainIgnoringCase("password=")
                .doesNotContain("$ARG4$");
        assertThat(CommandDefinitions.nagios(PluginNames.of(descriptor))).contains("define command {").contains("command_name    "
                + "check_smtp_pop3_roundtrip").doesNotContain(";");
    }
}
