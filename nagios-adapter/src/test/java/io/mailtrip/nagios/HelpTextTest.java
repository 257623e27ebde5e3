package io.mailtrip.nagios;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} names the sensor in the JVM's default locale; the rest is rendered from the metadata. */
class HelpTextTest {

    private static final Locale ORIGINAL = Locale.getDefault();

    private final OptionTable table = OptionTable.of(Sensors.roundTripProvider().descriptor());

    @AfterEach
    void restoreTheDefaultLocale() {
        Locale.setDefault(ORIGINAL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            en;    SMTP&POP3 Round Trip
            nl;    SMTP & POP3 Round Trip
            fr;    SMTP & POP3 aller-retour
            de;    SMTP&POP3-Übermittlung
            ja;    SMTP&POP3 ラウンドトリップ
            pt;    Ida e volta SMTP&POP3
            ru;    Цикл SMTP и POP3
            zh-CN; SMTP 和 POP3 往返
            es;    Ida y vuelta SMTP&POP3
            it;    SMTP&POP3 Round Trip
            """)
    void theSensorIsNamedInTheDefaultLocaleAndOtherLanguagesFallBackToEnglish(String tag, String name) {
        Locale.setDefault(Locale.forLanguageTag(tag));

        String help = HelpText.render(table, "1.0");

        // The line under the version line: the name, then what the check does.
        assertThat(help.lines().toList().get(1)).startsWith(name + ": runs the mailtrip sensor smtp-pop3-roundtrip once");
    }

    @Test
    void hierarchicalConfigAndTheRolesAreExplained() {
        String help = HelpText.render(table, "1.0");
        assertThat(help).contains(" --config FILE [--device NAME] [options]\n", " -H, --smtp-host=HOST\n",
                " --device=NAME\n");
        assertThat(help.replaceAll("\\s+", " ")).contains("its host is the default of -H/--smtp-host.",
                "Warning RANGE for the primary channel (--primary-channel, default total), which also leads the"
                        + " first line of output.");
    }
}
