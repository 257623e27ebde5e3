package io.mailtrip.host;

import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;
import io.mailtrip.spi.Settings;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InheritedSettingsTest {

    private static final SensorDescriptor DESCRIPTOR = new SensorDescriptor("inherit", "io.mailtrip.spi.example",
            InheritedSettingsTest.class.getClassLoader(), List.of(), Duration.ofSeconds(60), List.of(
            new SettingSection("main", "Main", List.of(
                    SettingDescriptor.builder("host", SettingType.HOST).section("main").required()
                            .role(SettingRole.TARGET_HOST).build(),
                    SettingDescriptor.builder("port", SettingType.INTEGER).section("main").defaultValue("25").build(),
                    SettingDescriptor.builder("interval", SettingType.INTEGER).section("main").defaultValue("60")
                            .role(SettingRole.INTERVAL).build(),
                    SettingDescriptor.builder("password", SettingType.SECRET).section("main").build()))),
            List.of());

    private static final SettingsLayer ROOT = SettingsLayer.of("root", "defaults",
            Map.of("port", "2525", "interval", "300", "otherSensorKey", "x"));
    private static final SettingsLayer GROUP = SettingsLayer.of("group", "eu", Map.of("interval", "120"));
    private static final SettingsLayer DEVICE = SettingsLayer.device("mx1", "mx1.example.org", Map.of("port", "587"));

    @Test
    void nearestLevelWinsThenDefault() {
        SettingsLayer sensor = SettingsLayer.of("sensor", "mx1-roundtrip", Map.of("password", "s3cret"));

        InheritedSettings resolved = InheritedSettings.resolve(DESCRIPTOR, List.of(sensor, DEVICE, GROUP, ROOT));
        Settings settings = Settings.parse(DESCRIPTOR, resolved.values());

        assertThat(settings.integer("port")).isEqualTo(587);
        assertThat(resolved.origin("port")).isEqualTo(new SettingOrigin("device", "mx1"));
        assertThat(settings.integer("interval")).isEqualTo(120);
        assertThat(resolved.origin("interval").describe()).isEqualTo("group eu");
        assertThat(settings.text("host")).as("the parent device's host").isEqualTo("mx1.example.org");
        assertThat(resolved.origin("host").describe()).isEqualTo("device mx1");
        assertThat(resolved.unusedAncestorKeys()).containsExactly("root defaults: otherSensorKey");
        assertThat(resolved.describe(settings)).containsExactly(
                "host = mx1.example.org (device mx1)",
                "port = 587 (device mx1)",
                "interval = 120 (group eu)",
                "password = ****** (sensor mx1-roundtrip)");
    }

    @Test
    void ownValuesBeatTheDeviceHostAndUnknownOwnKeysReachValidation() {
        SettingsLayer sensor = SettingsLayer.of("sensor", "s", Map.of("host", "relay.example.org", "colour", "red"));

        InheritedSettings resolved = InheritedSettings.resolve(DESCRIPTOR, List.of(sensor, DEVICE, ROOT));

        assertThat(resolved.values()).containsEntry("host", "relay.example.org");
        assertThat(resolved.origin("host").describe()).isEqualTo("sensor s");
        assertThatThrownBy(() -> Settings.parse(DESCRIPTOR, resolved.values()))
                .hasMessageStartingWith("colour: unknown setting of sensor inherit");
    }

    @Test
    void theDeviceHostBeatsGroupAndRootValuesOfTheTargetHost() {
        SettingsLayer root = SettingsLayer.of("root", "defaults", Map.of("host", "relay.example.org"));
        SettingsLayer sensor = SettingsLayer.of("sensor", "s", Map.of());

        InheritedSettings withDevice = InheritedSettings.resolve(DESCRIPTOR, List.of(sensor, DEVICE, root));
        InheritedSettings withoutDevice = InheritedSettings.resolve(DESCRIPTOR, List.of(sensor, root));
        InheritedSettings deviceSetsItself = InheritedSettings.resolve(DESCRIPTOR, List.of(sensor,
                SettingsLayer.device("mx2", "mx2.example.org", Map.of("host", "smarthost.example.org")), root));

        assertThat(withDevice.values()).containsEntry("host", "mx1.example.org");
        assertThat(withoutDevice.values()).containsEntry("host", "relay.example.org");
        assertThat(withoutDevice.origin("host").describe()).isEqualTo("root defaults");
        assertThat(deviceSetsItself.values()).containsEntry("host", "smarthost.example.org");
    }

    @Test
    void withoutLevelsEverythingIsTheMetadataDefault() {
        InheritedSettings resolved = InheritedSettings.resolve(DESCRIPTOR,
                List.of(SettingsLayer.of("sensor", "s", Map.of("host", "a.example.org"))));

        assertThat(resolved.origin("port")).isEqualTo(SettingOrigin.metadataDefault());
        assertThat(resolved.describe(Settings.parse(DESCRIPTOR, resolved.values())))
                .contains("port = 25 (default)");
    }

    @Test
    void rolesAreLookedUpNotTyped() {
        assertThat(DESCRIPTOR.settingFor(SettingRole.INTERVAL).map(SettingDescriptor::key)).hasValue("interval");
        assertThat(DESCRIPTOR.settingFor(SettingRole.PRIMARY_CHANNEL)).isEmpty();
        assertThat(DEVICE.host()).isEqualTo(Optional.of("mx1.example.org"));
        assertThatThrownBy(() -> new SensorDescriptor("twice", "b", getClass().getClassLoader(), List.of(),
                Duration.ofSeconds(1), List.of(new SettingSection("main", "Main", List.of(
                SettingDescriptor.builder("a", SettingType.INTEGER).section("main").role(SettingRole.INTERVAL).build(),
                SettingDescriptor.builder("b", SettingType.INTEGER).section("main").role(SettingRole.INTERVAL).build()))),
                List.of())).hasMessage("two settings play role INTERVAL");
    }
}
