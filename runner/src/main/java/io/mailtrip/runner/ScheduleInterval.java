package io.mailtrip.runner;

import io.mailtrip.spi.Settings;

import java.time.Duration;

/**
 * The interval a host schedules an instance at. The SPI has no accessor for it: by convention a
 * sensor declares it as the integer setting {@value #KEY} in seconds and states its default in
 * {@code SensorDescriptor.defaultInterval()}, which is used when the sensor has no such setting.
 */
final class ScheduleInterval {

    /** The SPI convention's key; the one setting key the runner itself reads. */
    static final String KEY = "interval";

    private ScheduleInterval() {
    }

    static Duration of(Settings settings) {
        if (settings.descriptor().setting(KEY).isPresent() && settings.has(KEY)) {
            return settings.seconds(KEY);
        }
        return settings.descriptor().defaultInterval();
    }
}
