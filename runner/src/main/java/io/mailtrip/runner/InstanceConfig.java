package io.mailtrip.runner;

import io.mailtrip.host.InheritedSettings;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.Settings;

import java.time.Duration;

/**
 * One configured sensor instance, its settings already parsed and valid for its sensor.
 *
 * @param id        the instance id from the configuration ({@code [A-Za-z0-9._-]+}, unique)
 * @param provider  the sensor it runs
 * @param settings  the typed settings
 * @param inherited where each setting came from (the instance, its device, group, the root, or the default)
 * @param interval  time between two planned starts
 * @param tags      extra labels of the instance's metrics
 * @param location  where it was configured ({@code config.yml: sensors[0] (mail1)}), the prefix of its errors
 */
public record InstanceConfig(String id, SensorProvider provider, Settings settings, InheritedSettings inherited,
                             Duration interval, Tags tags, String location) {
}
