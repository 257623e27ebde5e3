package io.mailtrip.host;

import io.mailtrip.spi.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Discovery through ServiceLoader with the spi test jar's registration, which also lists a broken entry. */
class SensorProvidersTest {

    @Test
    void findsRegisteredProvidersAndKeepsGoingPastABrokenOne() {
        SensorProviders.Found found = SensorProviders.load(getClass().getClassLoader());

        assertThat(found.ids()).isEqualTo("example");
        assertThat(found.errors()).singleElement().asString().contains("io.mailtrip.spi.NoSuchProvider");
        assertThat(found.require("example").descriptor().defaultTags()).containsExactly("a", "b");
    }

    @Test
    void unknownIdNamesTheKnownOnes() {
        SensorProviders.Found found = SensorProviders.load(getClass().getClassLoader());

        assertThatThrownBy(() -> found.require("nope")).isInstanceOf(ConfigurationException.class)
                .hasMessage("sensor: unknown sensor 'nope' (known: example)");
    }
}
