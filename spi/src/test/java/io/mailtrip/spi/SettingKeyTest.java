package io.mailtrip.spi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingKeyTest {

    enum Mode { PLAIN, SECURE }

    private static final SettingKey<String> HOST = SettingKey.text("host", SettingType.HOST);
    private static final SettingKey<Integer> PORT = SettingKey.integer("port");
    private static final SettingKey<Duration> TIMEOUT = SettingKey.seconds("timeout");
    private static final SettingKey<Mode> MODE = SettingKey.choice("mode", Mode.class,
            m -> m.name().toLowerCase(Locale.ROOT));
    private static final SettingKey<Boolean> VERBOSE = SettingKey.flag("verbose");
    private static final SettingKey<List<String>> TAGS = SettingKey.list("tags");
    private static final SettingKey<Secret> PASSWORD = SettingKey.secret("password");

    private static Settings parse(Map<String, String> extra) {
        Map<String, String> raw = new HashMap<>(Map.of("host", "mail.example.org", "address", "probe@example.org"));
        raw.putAll(extra);
        return Settings.parse(ExampleSensor.DESCRIPTOR, raw);
    }

    @Test
    void typedKeysReadTheSameValuesAsTheStringAccessors() {
        Settings settings = parse(Map.of("mode", "secure"));
        assertThat(settings.get(HOST)).isEqualTo("mail.example.org");
        assertThat(settings.get(PORT)).isEqualTo(443);
        assertThat(settings.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.get(MODE)).isEqualTo(Mode.SECURE);
        assertThat(settings.get(VERBOSE)).isFalse();
        assertThat(settings.get(TAGS)).containsExactly("a", "b");
    }

    @Test
    void optionalIsEmptyForAnInvisibleSetting() {
        assertThat(parse(Map.of()).optional(PASSWORD)).isEmpty();
        assertThat(parse(Map.of()).has(PASSWORD)).isFalse();
        Optional<Secret> secret = parse(Map.of("auth", "token", "password", "s3cret")).optional(PASSWORD);
        assertThat(secret.map(Secret::reveal)).contains("s3cret");
    }

    @Test
    void aKeyOfAnotherTypeOrSensorIsRefused() {
        Settings settings = parse(Map.of());
        assertThatThrownBy(() -> settings.get(SettingKey.integer("host")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("host is declared HOST, read as INTEGER");
        assertThatThrownBy(() -> settings.get(SettingKey.integer("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a setting of example: nope");
    }

    @Test
    void describeStartsADescriptorUnderTheKeysNameAndType() {
        SettingDescriptor descriptor = PORT.describe().range(1, 2).build();
        assertThat(descriptor.key()).isEqualTo("port");
        assertThat(descriptor.type()).isEqualTo(SettingType.INTEGER);
    }
}
