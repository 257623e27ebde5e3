package io.mailtrip.jenkins.core;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One channel's values over the kept history, oldest first, in the unit of its panel.
 *
 * @param key    the channel key
 * @param label  the channel's human label
 * @param values one per result; empty where the channel was not measured
 */
public record ChartSeries(String key, String label, List<OptionalDouble> values) {

    public ChartSeries {
        values = List.copyOf(values);
    }
}
