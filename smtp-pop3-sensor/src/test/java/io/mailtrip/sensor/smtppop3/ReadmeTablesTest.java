package io.mailtrip.sensor.smtppop3;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.sensor.smtppop3.testkit.SettingsReference;
import io.mailtrip.spi.SensorDescriptor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration reference is generated from the metadata; this fails when the two differ.
 * Regenerate with {@code ./mvnw -q -pl smtp-pop3-sensor test -Dtest=ReadmeTablesTest -Dmailtrip.updateReadme=true}.
 */
class ReadmeTablesTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void settingsAndChannelTablesMatchTheMetadata() throws Exception {
        SensorDescriptor descriptor = Sensors.roundTripProvider().descriptor();
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String updated = replace(replace(readme, "settings", SettingsReference.settingsTable(descriptor)),
                "channels", SettingsReference.channelsTable(descriptor));
        if (Boolean.getBoolean("mailtrip.updateReadme")) {
            Files.writeString(README, updated, StandardCharsets.UTF_8);
            readme = updated;
        }
        assertThat(readme).as("README tables are stale: rerun with -Dmailtrip.updateReadme=true").isEqualTo(updated);
    }

    private static String replace(String readme, String name, String table) {
        String begin = "<!-- generated:" + name + ":begin -->\n";
        String end = "<!-- generated:" + name + ":end -->";
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        assertThat(from).as("README marker " + begin.strip()).isNotNegative();
        assertThat(to).as("README marker " + end).isGreaterThan(from);
        return readme.substring(0, from + begin.length()) + table + readme.substring(to);
    }
}
