package io.mailtrip.sensor.smtpimap;

import io.mailtrip.sensor.smtpimap.testkit.ImapSensors;
import io.mailtrip.sensor.smtppop3.testkit.SettingsReference;
import io.mailtrip.spi.SensorDescriptor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's section on this sensor carries its settings and channels, generated from the metadata by
 * the same renderer as the POP3 sensor's tables; this fails when they differ. Regenerate with
 * {@code ./mvnw -q -pl smtp-imap-sensor -am test -Dtest=ImapReadmeTablesTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmailtrip.updateReadme=true}.
 */
class ImapReadmeTablesTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void settingsAndChannelTablesMatchTheMetadata() throws Exception {
        SensorDescriptor descriptor = ImapSensors.provider().descriptor();
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String updated = SettingsReference.replaceGenerated(SettingsReference.replaceGenerated(readme, "imap-settings",
                SettingsReference.settingsTable(descriptor)), "imap-channels", SettingsReference.channelsTable(descriptor));
        if (Boolean.getBoolean("mailtrip.updateReadme")) {
            Files.writeString(README, updated, StandardCharsets.UTF_8);
            readme = updated;
        }
        assertThat(readme).as("README tables are stale: rerun with -Dmailtrip.updateReadme=true").isEqualTo(updated);
    }
}
