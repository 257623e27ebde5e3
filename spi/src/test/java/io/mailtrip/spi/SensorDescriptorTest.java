package io.mailtrip.spi;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Descriptor metadata: display names and consistency checks. */
class SensorDescriptorTest {

    @Test
    void displayNameFallsBackToTheBaseBundleNotTheJvmLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            SensorDescriptor descriptor = ExampleSensor.DESCRIPTOR;
            assertThat(descriptor.displayName(Locale.GERMAN)).isEqualTo("Beispiel");
            assertThat(descriptor.displayName(Locale.ITALIAN)).isEqualTo("Example");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void descriptorRejectsInconsistentMetadata() {
        var stray = SettingDescriptor.builder("x", SettingType.STRING).section("other").build();
        assertThatThrownBy(() -> new SensorDescriptor("bad", "b", getClass().getClassLoader(), java.util.List.of(),
                java.time.Duration.ofSeconds(1), java.util.List.of(new SettingSection("main", "Main",
                java.util.List.of(stray))), java.util.List.of()))
                .hasMessage("x is listed in section main but names section other");
        var orphan = SettingDescriptor.builder("y", SettingType.STRING).section("main").visibleWhen("nope", "1").build();
        assertThatThrownBy(() -> new SensorDescriptor("bad", "b", getClass().getClassLoader(), java.util.List.of(),
                java.time.Duration.ofSeconds(1), java.util.List.of(new SettingSection("main", "Main",
                java.util.List.of(orphan))), java.util.List.of()))
                .hasMessage("y depends on unknown setting nope");
    }
}
