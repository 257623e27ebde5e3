package io.mailtrip.runner;

import io.mailtrip.spi.ConfigurationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailtrip.sensor.smtppop3.testkit.BadInput;
import io.mailtrip.host.ValueReferences;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The shared bad-input matrix in a runner configuration file: one line naming the file, the instance,
 * the key and the rule, and no secret. Written as JSON so control characters travel as escapes.
 */
class BadInputConfigTest {

    @TempDir
    Path dir;

    static Stream<BadInput> cases() {
        // An unreadable trust store is found when the runner creates the sensor (MainTest covers it).
        return BadInput.cases().stream().filter(bad -> !bad.foundAtCreation());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadValueIsOneLineNamingFileInstanceKeyAndRule(BadInput bad) throws Exception {
        Map<String, String> settings = BadInput.validBase();
        settings.put(bad.key(), bad.value());
        Path file = dir.resolve("config.json");
        new ObjectMapper().writeValue(file.toFile(), Map.of("sensors",
                List.of(Map.of("id", "mail1", "sensor", "smtp-pop3-roundtrip", "settings", settings))));
        SensorCatalog catalog = new PluginFolder(dir.resolve("plugins"), getClass().getClassLoader()).load();
        ConfigLoader loader = new ConfigLoader(catalog, new ValueReferences(name -> null));

        ConfigurationException error = catchThrowableOfType(ConfigurationException.class, () -> loader.load(file));

        assertThat(error).as("no configuration error for " + bad).isNotNull();
        assertThat(error.lines()).containsExactly(file + ": sensors[0] (mail1): " + bad.expected());
        assertThat(String.join("\n", error.lines())).doesNotContain("Bad-Input-Pw-1")
                .doesNotContain("Bad-Input-Pw-2").doesNotContain("pass\r\nword");
    }
}
