package io.mailtrip.nagios;

import io.mailtrip.host.PerfdataFormatter;

/**
 * The warning and critical range of one channel, each optional ({@code null}). Critical is evaluated
 * first and wins (guidelines, "Threshold and ranges"; Icinga: "Critical thresholds are evaluated first").
 */
record ChannelThresholds(ThresholdRange warning, ThresholdRange critical) implements PerfdataFormatter.Thresholds {

    static final ChannelThresholds NONE = new ChannelThresholds(null, null);

    ChannelThresholds withWarning(ThresholdRange range) {
        return new ChannelThresholds(range, critical);
    }

    ChannelThresholds withCritical(ThresholdRange range) {
        return new ChannelThresholds(warning, range);
    }

    /** CRITICAL, WARNING or OK for a measured value in the perfdata unit. */
    PluginState evaluate(double value) {
        if (critical != null && critical.alerts(value)) {
            return PluginState.CRITICAL;
        }
        if (warning != null && warning.alerts(value)) {
            return PluginState.WARNING;
        }
        return PluginState.OK;
    }

    /** The range that {@code state} broke, for the summary. */
    ThresholdRange broken(PluginState state) {
        return state == PluginState.CRITICAL ? critical : warning;
    }

    @Override
    public String warningText() {
        return warning == null ? "" : warning.perfdataText();
    }

    @Override
    public String criticalText() {
        return critical == null ? "" : critical.perfdataText();
    }
}
