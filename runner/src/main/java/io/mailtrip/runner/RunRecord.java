package io.mailtrip.runner;

import io.mailtrip.host.RoleSettings;

import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;

/**
 * One finished run as the outputs see it: which instance, of which sensor, how its channels are shown,
 * and its result with the history-based downtime channel filled in.
 */
public record RunRecord(String instanceId, SensorDescriptor descriptor, RoleSettings display, SensorResult result) {

    public String sensorId() {
        return descriptor.id();
    }
}
