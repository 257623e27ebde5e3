package io.mailtrip.jenkins.core;

import io.mailtrip.host.RoleSettings;

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
        assertThat(RoleSettings.of(settings).interval()).isEqualTo(Duration.ofSeconds(120));
        assertThat(RoleSettings.of(settings).primaryChannel().orElseThrow()).isEqualTo("fast");
        assertThat(RoleSettings.of(settings).stackUnit()).hasValue("ms");
    }

    @Test
    void unsetRoleSettingsFallBackToTheirDefaultsAndTheDescriptorsInterval() {
        Settings settings = Settings.parse(StatusViewTestData.ODD_KEYS, Map.of());
        assertThat(RoleSettings.of(settings).interval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(RoleSettings.of(settings).leading(settings.descriptor()).orElseThrow().key()).isEqualTo("slow");
        assertThat(RoleSettings.of(settings).stacked()).isFalse();
    }

    @Test
    void theRoundTripSensorsDisplaySettingsAreRead() {
        assertThat(RoleSettings.of(StatusViewTestData.roundTrip(Map.of())).primaryChannel().orElseThrow()).isEqualTo("total");
        Settings stacked = StatusViewTestData.roundTrip(Map.of("primaryChannel", "pop3", "graphType", "stacked",
                "stackUnit", "s", "interval", "300"));
        assertThat(RoleSettings.of(stacked).primaryChannel().orElseThrow()).isEqualTo("pop3");
        assertThat(RoleSettings.of(stacked).stackUnit()).isEqualTo(Optional.of("s"));
        assertThat(RoleSettings.of(stacked).interval()).isEqualTo(Duration.ofMinutes(5));
        // stackUnit applies only to stacked graphs; its value alone does not stack anything.
        assertThat(RoleSettings.of(StatusViewTestData.roundTrip(Map.of("stackUnit", "s"))).stacked()).isFalse();
    }
}
