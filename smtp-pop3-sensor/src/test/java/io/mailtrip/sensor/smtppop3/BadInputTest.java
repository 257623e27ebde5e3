package io.mailtrip.sensor.smtppop3;

import io.mailtrip.sensor.smtppop3.testkit.BadInput;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared bad-input matrix at the SPI: one line per case, naming the key and the rule, no secret. */
class BadInputTest {

    private final SensorProvider provider = Sensors.roundTripProvider();

    static Stream<BadInput> cases() {
        return BadInput.cases().stream();
    }

    @Test
    void matrixHasAtLeastFortyCases() {
        assertThat(BadInput.cases()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Settings.parse(provider.descriptor(), BadInput.validBase())).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseIsOneLineNamingKeyAndRule(BadInput bad) {
        Map<String, String> settings = BadInput.validBase();
        settings.put(bad.key(), bad.value());

        ConfigurationException error = catchThrowableOfType(ConfigurationException.class, () ->
                provider.create(Settings.parse(provider.descriptor(), settings)));

        assertThat(error).as("no configuration error for " + bad).isNotNull();
        List<String> lines = error.problems().stream().map(p -> p.line()).toList();
        assertThat(lines).containsExactly(bad.expected());
        assertThat(error.getMessage()).doesNotContain("\n").doesNotContain("\r")
                .doesNotContain("Bad-Input-Pw-1").doesNotContain("Bad-Input-Pw-2").doesNotContain("pass\r\nword");
    }
}
