package io.mailtrip.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable outcome of one run. Failures are results: a run that has started never throws.
 *
 * @param status   UP, WARNING, DOWN or UNKNOWN
 * @param message  one line for humans, without line breaks
 * @param phase    the phase reached: on failure the phase that failed ({@code smtp}, {@code pop3}, ...),
 *                 on success the last phase completed
 * @param channels a value for every channel of the descriptor, in descriptor order ("not measured"
 *                 where a phase did not run)
 * @param start    wall-clock start of the run
 * @param elapsed  how long the run took
 * @param details  further lines (the protocol steps taken, counters), each one line, never a secret
 */
public record SensorResult(Status status, String message, String phase, Map<String, ChannelValue> channels,
                           Instant start, Duration elapsed, List<String> details) {

    public SensorResult {
        if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a result message is one line");
        }
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        details = List.copyOf(details);
    }

    /** The value of {@code key}, "not measured" when the result does not carry it. */
    public ChannelValue channel(String key) {
        return channels.getOrDefault(key, ChannelValue.notMeasured());
    }

    /** A copy with one channel replaced (used by hosts to fill the history-based downtime channel). */
    public SensorResult withChannel(String key, ChannelValue value) {
        Map<String, ChannelValue> copy = new LinkedHashMap<>(channels);
        copy.put(key, value);
        return new SensorResult(status, message, phase, copy, start, elapsed, details);
    }
}
