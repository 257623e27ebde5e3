package io.mailtrip.jenkins.core;

import io.mailtrip.host.InheritedSettings;
import io.mailtrip.spi.Settings;

import java.util.List;

/**
 * A submitted form that can run.
 *
 * @param instanceId the instance id the user chose
 * @param settings   the sensor's typed, validated settings, credentials already resolved
 * @param inherited  where each value came from: the instance, the global defaults or the metadata default
 */
public record BoundInstance(String instanceId, Settings settings, InheritedSettings inherited) {

    /** Every effective setting with its origin ({@code port = 587 (global defaults)}), secrets masked. */
    public List<String> describe() {
        return inherited.describe(settings);
    }
}
