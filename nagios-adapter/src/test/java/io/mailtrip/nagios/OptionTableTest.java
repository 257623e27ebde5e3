package io.mailtrip.nagios;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionTableTest {

    private final SensorDescriptor descriptor = Sensors.roundTripProvider().descriptor();
    private final OptionTable table = OptionTable.of(descriptor);

    @Test
    void namesOptionsAndVariablesAfterTheSettingKeys() {
        assertThat(OptionNaming.longOption("smtpPort")).isEqualTo("--smtp-port");
        assertThat(OptionNaming.longOption("pop3Auth")).isEqualTo("--pop3-auth");
        assertThat(OptionNaming.longOption("heloIdent")).isEqualTo("--helo-ident");
        assertThat(OptionNaming.longOption("to")).isEqualTo("--to");
        assertThat(OptionNaming.environmentVariable("smtpPassword")).isEqualTo("MAILTRIP_SMTP_PASSWORD");
        assertThat(OptionNaming.environmentVariable("trustStorePassword")).isEqualTo("MAILTRIP_TRUST_STORE_PASSWORD");
        assertThat(IcingaCheckCommand.variable(table.names(), "pop3Password")).isEqualTo("smtp_pop3_roundtrip_pop3_password");
    }

    @Test
    void everySettingOfTheMetadataHasItsOptionButThoseOfHostOnlyRoles() {
        Set<SettingRole> hostOnly = EnumSet.of(SettingRole.INTERVAL, SettingRole.TAGS, SettingRole.GRAPH_TYPE,
                SettingRole.STACK_UNIT);
        for (SettingDescriptor setting : descriptor.settings()) {
            Optional<PluginOption> option = table.find(OptionNaming.longOption(setting.key()));
            if (hostOnly.contains(setting.role())) {
                assertThat(option).as(setting.key()).isEmpty();
            } else {
                assertThat(option.orElseThrow().setting()).isSameAs(setting);
            }
        }
        assertThat(table.find("--interval")).isEmpty();
        assertThat(table.find("--tags")).isEmpty();
        assertThat(table.find("--graph-type")).isEmpty();
        assertThat(table.find("--stack-unit")).isEmpty();
        assertThat(table.find("--primary-channel")).isPresent();
        assertThat(table.find("-H").orElseThrow().setting().key()).isEqualTo("smtpHost");
        assertThat(table.find("--no-verify-hostname").orElseThrow().kind()).isEqualTo(PluginOption.Kind.SETTING_OFF);
    }

    @Test
    void reservesTheOptionsOfTheGuidelinesAndOneThresholdPairPerTimedChannel() {
        for (String name : List.of("-h", "--help", "-V", "--version", "-v", "-t", "--timeout", "--timeout-state",
                "-w", "--warning", "-c", "--critical", "--config", "--warning-smtp", "--critical-pop3",
                "--warning-total")) {
            assertThat(table.find(name)).as(name).isPresent();
        }
        assertThat(table.find("--warning-downtime")).isEmpty();
    }

    @Test
    void refusesASettingThatWouldShadowAReservedOption() {
        SettingDescriptor timeout = SettingDescriptor.builder("timeout", SettingType.INTEGER).section("s").build();
        SensorDescriptor clash = new SensorDescriptor("clash", "names", getClass().getClassLoader(), List.of(),
                Duration.ofSeconds(60), List.of(new SettingSection("s", "S", List.of(timeout))),
                List.of(new ChannelDescriptor("total", "Total", "ms", "all")));
        assertThatThrownBy(() -> OptionTable.of(clash)).isInstanceOf(IllegalStateException.class)
                .hasMessage("option --timeout is generated twice; rename the setting");
    }

    @Test
    void helpShowsEveryOptionWithDefaultSectionAndVisibility() {
        String help = HelpText.render(table, "1.2.3");
        String text = help.replaceAll("\\s+", " ");
        for (SettingDescriptor setting : OptionTable.offered(descriptor)) {
            assertThat(help).contains(" " + OptionNaming.longOption(setting.key()));
            assertThat(text).contains("YAML key: " + setting.key() + ".");
        }
        for (SettingSection section : descriptor.sections()) {
            if (section.settings().stream().anyMatch(OptionTable.offered(descriptor)::contains)) {
                assertThat(text).contains(section.label() + " (section " + section.key() + "):");
            }
        }
        assertThat(help).doesNotContain("--interval").doesNotContain("--tags").doesNotContain("--graph-type")
                .doesNotContain("--stack-unit");
        assertThat(text).contains("Only used when --smtp-auth=password.");
        assertThat(text).contains("Only used when --pop3-auth is password or apop.");
        assertThat(text).contains("Default: 465 when --smtp-security is enforceTls or tlsIfAvailable, else 25.");
        assertThat(text).contains("Values: none (None), password (Username and password), oauth2 (OAuth 2.0 token (XOAUTH2/OAUTHBEARER)).");
        assertThat(text).contains("MAILTRIP_POP3_PASSWORD");
        assertThat(help).doesNotContain("|");
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void parsesBothValueFormsShortClustersAndFlags() {
        Invocation invocation = new CommandLineParser(table).parse(new String[] {"--smtp-port", "2525",
                "--pop3-port=1100", "-Hmail.example.org", "-vvv", "-t10", "-w", "~:5", "--critical-pop3=@1:2",
                "--no-verify-hostname", "--timeout-state", "critical"});
        assertThat(invocation.settings().get("smtpPort").value()).isEqualTo("2525");
        assertThat(invocation.settings().get("pop3Port").value()).isEqualTo("1100");
        assertThat(invocation.settings().get("smtpHost").value()).isEqualTo("mail.example.org");
        assertThat(invocation.settings().get("verifyHostname").value()).isEqualTo("false");
        assertThat(invocation.verbosity()).isEqualTo(3);
        assertThat(invocation.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(invocation.timeoutState()).isEqualTo(PluginState.CRITICAL);
        assertThat(invocation.thresholds()).containsExactly(
                new Invocation.ThresholdOption("-w", false, null, "~:5"),
                new Invocation.ThresholdOption("--critical-pop3", true, "pop3", "@1:2"));
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(new CommandLineParser(table).parse(new String[] {"--bogus", "-h"}).help()).isTrue();
        assertThat(new CommandLineParser(table).parse(new String[] {"-t", "x", "-V"}).version()).isTrue();
    }

    @Test
    void rejectsBadOptionsWithOneLineNamingTheOption() {
        assertUsage(new String[] {"--smtp-prot", "25"}, "--smtp-prot: unknown option (see --help)");
        assertUsage(new String[] {"-x"}, "-x: unknown option (see --help)");
        assertUsage(new String[] {"mail.example.org"},
                "'mail.example.org': unexpected argument (this plugin takes options only; see --help)");
        assertUsage(new String[] {"--smtp-port"}, "--smtp-port: needs a value (NUMBER)");
        assertUsage(new String[] {"-t", "0"}, "-t: '0' is not a whole number of seconds in 1..3600");
        assertUsage(new String[] {"--timeout=abc"}, "--timeout: 'abc' is not a whole number of seconds in 1..3600");
        assertUsage(new String[] {"--timeout-state", "down"},
                "--timeout-state: 'down' is not one of ok, warning, critical, unknown, 0, 1, 2, 3");
        assertUsage(new String[] {"--no-verify-hostname=true"}, "--no-verify-hostname: takes no value");
    }

    private void assertUsage(String[] args, String message) {
        assertThatThrownBy(() -> new CommandLineParser(table).parse(args)).isInstanceOf(io.mailtrip.spi.ConfigurationException.class)
                .hasMessage(message);
    }
}
