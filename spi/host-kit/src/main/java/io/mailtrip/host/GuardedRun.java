package io.mailtrip.host;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a sensor as a scheduling host needs it: always a result. The SPI says a run never throws;
 * a sensor that does anyway (an {@code Error} included: an {@code OutOfMemoryError} frees the run's
 * memory as it unwinds) gives an UNKNOWN result in phase {@code internal}, so the host never loses an
 * instance's result or its run thread (issue 13). Server text in the result is {@linkplain
 * ResultText#cleaned cleaned} for every output.
 */
public final class GuardedRun {

    private GuardedRun() {
    }

    public static SensorResult run(Sensor sensor, SensorDescriptor descriptor, Deadline deadline) {
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        try {
            return ResultText.cleaned(sensor.run(deadline));
        } catch (RuntimeException | Error e) {
            Map<String, ChannelValue> channels = new LinkedHashMap<>();
            for (ChannelDescriptor channel : descriptor.channels()) {
                channels.put(channel.key(), ChannelValue.notMeasured());
            }
            return new SensorResult(Status.UNKNOWN, "sensor failed: " + e.getClass().getName(), "internal", channels,
                    start, Duration.ofNanos(System.nanoTime() - startNanos), List.of());
        }
    }
}
