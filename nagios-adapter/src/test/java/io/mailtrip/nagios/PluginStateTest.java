package io.mailtrip.nagios;

import io.mailtrip.host.PerfUnit;

import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluginStateTest {

    @Test
    void mapsSensorStatusToTheExitCodesOfTheGuidelines() {
        assertThat(PluginState.of(Status.UP).exitCode()).isZero();
        assertThat(PluginState.of(Status.WARNING).exitCode()).isEqualTo(1);
        assertThat(PluginState.of(Status.DOWN).exitCode()).isEqualTo(2);
        assertThat(PluginState.of(Status.UNKNOWN).exitCode()).isEqualTo(3);
        assertThat(PluginState.of(Status.DOWN)).isEqualTo(PluginState.CRITICAL);
    }

    @Test
    void worstIsOkWarningUnknownCritical() {
        assertThat(PluginState.worst(PluginState.OK, PluginState.WARNING)).isEqualTo(PluginState.WARNING);
        assertThat(PluginState.worst(PluginState.UNKNOWN, PluginState.WARNING)).isEqualTo(PluginState.UNKNOWN);
        assertThat(PluginState.worst(PluginState.UNKNOWN, PluginState.CRITICAL)).isEqualTo(PluginState.CRITICAL);
        assertThat(PluginState.worst(PluginState.CRITICAL, PluginState.OK)).isEqualTo(PluginState.CRITICAL);
    }

    @Test
    void parsesTimeoutStatesByNameOrCode() {
        assertThat(PluginState.parse("critical")).contains(PluginState.CRITICAL);
        assertThat(PluginState.parse("OK")).contains(PluginState.OK);
        assertThat(PluginState.parse("1")).contains(PluginState.WARNING);
        assertThat(PluginState.parse("3")).contains(PluginState.UNKNOWN);
        assertThat(PluginState.parse("4")).isEmpty();
        assertThat(PluginState.parse("down")).isEmpty();
    }

    @Test
    void thresholdsEvaluateCriticalFirst() {
        PerfUnit s = PerfUnit.forChannel("ms");
        ChannelThresholds both = new ChannelThresholds(ThresholdRange.parse("10", s), ThresholdRange.parse("20", s));
        assertThat(both.evaluate(5)).isEqualTo(PluginState.OK);
        assertThat(both.evaluate(15)).isEqualTo(PluginState.WARNING);
        assertThat(both.evaluate(25)).isEqualTo(PluginState.CRITICAL);
        // A negative time breaks both "10" and "20" (0..N): critical wins.
        assertThat(both.evaluate(-1)).isEqualTo(PluginState.CRITICAL);
        assertThat(new ChannelThresholds(null, ThresholdRange.parse("20", s)).evaluate(15)).isEqualTo(PluginState.OK);
    }
}
