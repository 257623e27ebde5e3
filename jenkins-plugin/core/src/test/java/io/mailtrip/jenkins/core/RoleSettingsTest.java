package io.mailtrip.jenkins.core;

import io.mailtrip.spi.Settings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin finds its own settings by role: keys it might have typed mean nothing to it. */
class RoleSettingsTest {

    @Test
    void settingsAreFoundByRoleNotByKey() {
        Settings settings = Settings.parse(StatusViewTestData.ODD_KEYS, Map.of("every", "120", "lead", "fast",
                "drawing", "stacked", "scale", "ms", "interval", "999", "primaryChannel", "share"));
        assertThat(RoleSettings.interval(settings)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RoleSettings.primaryChannel(settings)).isEqualTo("fast");
        assertThat(RoleSettings.chartStyle(settings)).isEqualTo(ChartStyle.stacked("ms"));
    }

    @Test
    void unsetRoleSettingsFallBackToTheirDefaultsAndTheDescriptorsInterval() {
        Settings settings = Settings.parse(StatusViewTestData.ODD_KEYS, Map.of());
        assertThat(RoleSettings.interval(settings)).isEqualTo(Duration.ofSeconds(300));
        assertThat(RoleSettings.primaryChannel(settings)).isEqualTo("slow");
        assertThat(RoleSettings.chartStyle(settings)).isEqualTo(ChartStyle.independent());
    }

    @Test
    void theRoundTripSensorsDisplaySettingsAreRead() {
        assertThat(RoleSettings.primaryChannel(StatusViewTestData.roundTrip(Map.of()))).isEqualTo("total");
        Settings stacked = StatusViewTestData.roundTrip(Map.of("primaryChannel", "pop3", "graphType", "stacked",
                "stackUnit", "s", "interval", "300"));
        assertThat(RoleSettings.primaryChannel(stacked)).isEqualTo("pop3");
        assertThat(RoleSettings.chartStyle(stacked).stackUnit()).isEqualTo(Optional.of("s"));
        assertThat(RoleSettings.interval(stacked)).isEqualTo(Duration.ofMinutes(5));
        // stackUnit applies only to stacked graphs; its value alone does not stack anything.
        assertThat(RoleSettings.chartStyle(StatusViewTestData.roundTrip(Map.of("stackUnit", "s"))))
                .isEqualTo(ChartStyle.independent());
    }
}
