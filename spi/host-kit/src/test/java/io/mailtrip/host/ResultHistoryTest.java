package io.mailtrip.host;

import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultHistoryTest {

    private static SensorResult result(Status status) {
        Map<String, ChannelValue> channels = new LinkedHashMap<>();
        channels.put("time", ChannelValue.of(12.5));
        channels.put(ResultHistory.DOWNTIME_CHANNEL, ChannelValue.notMeasured());
        return new SensorResult(status, "m", "p", channels, Instant.EPOCH, Duration.ZERO, List.of());
    }

    @Test
    void downtimeIsTheShareOfDownResultsInTheWindow() {
        ResultHistory history = new ResultHistory(4);

        assertThat(history.record(result(Status.UP)).channel("downtime").value()).isEqualTo(0.0);
        assertThat(history.record(result(Status.DOWN)).channel("downtime").value()).isEqualTo(50.0);
        assertThat(history.record(result(Status.WARNING)).channel("downtime").value())
                .isCloseTo(33.333, org.assertj.core.data.Offset.offset(0.001));
        history.record(result(Status.UNKNOWN));
        // The window holds 4: the UP falls out, DOWN stays.
        assertThat(history.record(result(Status.UP)).channel("downtime").value()).isEqualTo(25.0);
        history.record(result(Status.UP));
        assertThat(history.downtimePercent()).as("the DOWN has left the window").isEqualTo(0.0);
        assertThat(history.size()).isEqualTo(4);
    }

    @Test
    void recordKeepsOtherChannelsAndLeavesResultsWithoutDowntimeAlone() {
        ResultHistory history = new ResultHistory(2);
        SensorResult recorded = history.record(result(Status.DOWN));

        assertThat(recorded.channel("time").value()).isEqualTo(12.5);
        assertThat(recorded.channels().keySet()).containsExactly("time", "downtime");

        SensorResult noDowntime = new SensorResult(Status.UP, "m", "p", Map.of(), Instant.EPOCH, Duration.ZERO,
                List.of());
        assertThat(history.record(noDowntime).channels()).isEmpty();
    }

    @Test
    void fullResultsAreBoundedNewestFirstAndStatusesOldestFirst() {
        ResultHistory history = new ResultHistory(3, 2);
        assertThat(history.latest()).isEmpty();
        SensorResult down = history.record(result(Status.DOWN));
        history.record(result(Status.UP));
        SensorResult last = history.record(result(Status.UP));

        assertThat(history.results()).hasSize(2).first().isSameAs(last);
        assertThat(history.results()).doesNotContain(down);
        assertThat(history.latest()).containsSame(last);
        assertThat(history.statuses()).containsExactly(Status.DOWN, Status.UP, Status.UP);
        assertThat(last.channel("downtime").value()).isCloseTo(33.333, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void chartPointsKeepTheLastValuesOfTheChartChannelsOldestFirstRestoredOnesIncluded() {
        ResultHistory history = new ResultHistory(10, 1, List.of("time", "other"), 2);
        history.addPoint(Instant.parse("2026-01-01T00:00:00Z"), Status.UP, new double[] {1, 2});
        history.record(result(Status.DOWN));
        history.record(result(Status.UP));

        assertThat(history.chartChannels()).containsExactly("time", "other");
        // Two points kept: the restored one has left; "other" was not measured.
        assertThat(history.chartPoints()).extracting(ChartPoints.Point::status).containsExactly(Status.DOWN, Status.UP);
        assertThat(history.chartPoints().get(0).values()).containsExactly(12.5, Double.NaN);
        assertThat(history.size()).as("restoring a point adds no status").isEqualTo(2);
        assertThat(new ResultHistory(3).chartPoints()).isEmpty();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new ResultHistory(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResultHistory(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
