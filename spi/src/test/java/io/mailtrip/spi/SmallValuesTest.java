package io.mailtrip.spi;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallValuesTest {

    @Test
    void worstOrdersUpWarningUnknownDown() {
        assertThat(Status.worst(Status.UP, Status.WARNING)).isEqualTo(Status.WARNING);
        assertThat(Status.worst(Status.WARNING, Status.UNKNOWN)).isEqualTo(Status.UNKNOWN);
        assertThat(Status.worst(Status.DOWN, Status.UNKNOWN)).isEqualTo(Status.DOWN);
        assertThat(Status.worst(Status.UP, Status.UP)).isEqualTo(Status.UP);
    }

    @Test
    void deadlineCapsPhaseTimeoutsAndNeverGivesZeroToSockets() throws InterruptedException {
        Deadline deadline = Deadline.in(Duration.ofMillis(200));

        assertThat(deadline.cap(Duration.ofSeconds(60))).isLessThanOrEqualTo(Duration.ofMillis(200));
        assertThat(deadline.cap(Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(10));
        Thread.sleep(250);
        assertThat(deadline.expired()).isTrue();
        assertThat(deadline.remaining()).isEqualTo(Duration.ZERO);
        assertThat(deadline.capMillis(Duration.ofSeconds(60))).as("0 would mean wait forever").isEqualTo(1);
    }

    @Test
    void resultMessageIsOneLineAndChannelsKeepTheirOrder() {
        assertThatThrownBy(() -> new SensorResult(Status.UP, "a\nb", "p", Map.of(), Instant.EPOCH, Duration.ZERO,
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChannelValue.notMeasured().measured()).isFalse();
        assertThat(ChannelValue.of(1.5).asOptional()).hasValue(1.5);
        assertThatThrownBy(() -> ChannelValue.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsDescribeThemselves() {
        assertThat(DefaultValue.none().describe()).isEmpty();
        assertThat(DefaultValue.of("60").describe()).isEqualTo("60");
        var dependsOn = new DefaultValue.DependsOn("mode", new java.util.LinkedHashMap<>(Map.of("a", "1")), "2");
        assertThat(dependsOn.describe()).isEqualTo("1 when mode is a, else 2");
        assertThat(Visibility.when("auth", "password").describe()).isEqualTo("auth = password");
        assertThat(Visibility.when("auth", "password", "apop").describe()).isEqualTo("auth in {password, apop}");
        assertThat(Visibility.always().describe()).isEmpty();
    }
}
