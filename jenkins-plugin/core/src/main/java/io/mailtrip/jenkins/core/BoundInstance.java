package io.mailtrip.jenkins.core;

import io.mailtrip.spi.Settings;

/**
 * A submitted form that can run.
 *
 * @param instanceId the instance id the user chose
 * @param settings   the sensor's typed, validated settings, credentials already resolved
 */
public record BoundInstance(String instanceId, Settings settings) {
}
