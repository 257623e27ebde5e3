package io.mailtrip.runner;

import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;

/**
 * One finished run as the outputs see it: which instance, of which sensor, and its result with the
 * history-based downtime channel filled in.
 */
public record RunRecord(String instanceId, SensorDescriptor descriptor, SensorResult result) {

    public String sensorId() {
        return descriptor.id();
    }
}
