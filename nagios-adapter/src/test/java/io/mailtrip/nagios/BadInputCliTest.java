package io.mailtrip.nagios;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.sensor.smtppop3.testkit.BadInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared bad-input matrix on the command line: UNKNOWN (3), one first line naming the option and the rule. */
class BadInputCliTest {

    static Stream<BadInput> cases() {
        return BadInput.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadValueIsUnknownWithOneLineNamingTheOption(BadInput bad) {
        Map<String, String> settings = BadInput.validBase();
        settings.put(bad.key(), bad.value());
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add(OptionNaming.longOption(key) + "=" + value));

        NagiosPlugin.Printed printed = new NagiosPlugin(Sensors.roundTripProvider().id(), name -> null, new ExitGuard(null, null))
                .execute(args.toArray(String[]::new));

        String option = OptionNaming.longOption(bad.key());
        String rule = bad.expected().substring(bad.key().length() + 2);
        String first = printed.text().lines().findFirst().orElseThrow();
        assertThat(printed.state()).isEqualTo(PluginState.UNKNOWN);
        if (OptionTable.offered(Sensors.roundTripProvider().descriptor()).stream()
                .anyMatch(setting -> setting.key().equals(bad.key()))) {
            assertThat(first).startsWith("SMTP-POP3 UNKNOWN - " + option + ": " + rule.replace('|', '/'));
        } else {
            // A setting of a host-only role (interval, graph type, ...) is no option of a one-shot check.
            assertThat(first).startsWith("SMTP-POP3 UNKNOWN - " + option + ": unknown option (see --help)");
        }
        assertThat(printed.text()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("Bad-Input-Pw-1").doesNotContain("Bad-Input-Pw-2").doesNotContain("pass\r\nword");
    }
}
