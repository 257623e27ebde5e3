package io.mailtrip.jenkins.core;

import java.util.Optional;

/**
 * How a sensor's history chart shows its channels, from the sensor's GRAPH_TYPE and STACK_UNIT settings.
 *
 * @param stackUnit the unit of the one stacked chart; empty for one chart per channel in its own unit
 */
public record ChartStyle(Optional<String> stackUnit) {

    public static ChartStyle independent() {
        return new ChartStyle(Optional.empty());
    }

    public static ChartStyle stacked(String unit) {
        return new ChartStyle(Optional.of(unit));
    }

    public boolean isStacked() {
        return stackUnit.isPresent();
    }
}
