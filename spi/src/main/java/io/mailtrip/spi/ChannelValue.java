package io.mailtrip.spi;

import java.util.OptionalDouble;

/**
 * The value of one channel in one result, or the explicit "not measured" marker for a phase that
 * did not run. Every result carries a value for every channel, so hosts never guess.
 *
 * @param value    the measurement in the channel's unit; meaningless when not measured
 * @param measured false when the phase did not run
 */
public record ChannelValue(double value, boolean measured) {

    private static final ChannelValue NOT_MEASURED = new ChannelValue(Double.NaN, false);

    public ChannelValue {
        if (measured && (Double.isNaN(value) || Double.isInfinite(value))) {
            throw new IllegalArgumentException("a measured channel value must be finite");
        }
    }

    public static ChannelValue of(double value) {
        return new ChannelValue(value, true);
    }

    public static ChannelValue notMeasured() {
        return NOT_MEASURED;
    }

    public OptionalDouble asOptional() {
        return measured ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return measured ? Double.toString(value) : "not measured";
    }
}
