package io.mailtrip.runner;

import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact past result for charts and the history file: thousands of instances keep hundreds of
 * these each, so no message, no details and no map.
 *
 * @param start  when the run started
 * @param status its status
 * @param values one value per channel of the descriptor, in descriptor order; {@code NaN} = not measured
 */
public record ResultPoint(Instant start, Status status, List<Double> values) {

    public ResultPoint {
        values = List.copyOf(values);
    }

    static ResultPoint of(SensorResult result, List<String> channelKeys) {
        List<Double> values = new ArrayList<>(channelKeys.size());
        for (String key : channelKeys) {
            ChannelValue value = result.channel(key);
            values.add(value.measured() ? value.value() : Double.NaN);
        }
        return new ResultPoint(result.start(), result.status(), values);
    }
}
