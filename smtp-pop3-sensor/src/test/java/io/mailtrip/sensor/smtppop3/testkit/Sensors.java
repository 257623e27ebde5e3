package io.mailtrip.sensor.smtppop3.testkit;

import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.Sensor;

import java.time.Duration;
import java.util.Map;

/** Runs the round-trip sensor the way a host does: found through ServiceLoader, settings parsed from text. */
public final class Sensors {

    private Sensors() {
    }

    public static SensorProvider roundTripProvider() {
        return SensorProviders.load(Sensors.class.getClassLoader()).require("smtp-pop3-roundtrip");
    }

    public static Sensor create(Map<String, String> settings) {
        SensorProvider provider = roundTripProvider();
        return provider.create(Settings.parse(provider.descriptor(), settings));
    }

    /** One run with the sensor's own budget as the deadline. */
    public static SensorResult runOnce(Map<String, String> settings) {
        try (Sensor sensor = create(settings)) {
            return sensor.run(Deadline.in(sensor.budget()));
        }
    }

    /** One run with an explicit deadline. */
    public static SensorResult runOnce(Map<String, String> settings, Duration deadline) {
        try (Sensor sensor = create(settings)) {
            return sensor.run(Deadline.in(deadline));
        }
    }
}
