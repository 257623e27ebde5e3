package io.mailtrip.jenkins.core;

import io.mailtrip.spi.Settings;

import java.time.Duration;

/**
 * The two setting keys a host reads by SPI convention, like the runner does: a sensor may declare its
 * schedule as the integer setting {@value #INTERVAL} in seconds and the channel that leads summaries as
 * the enum setting {@value #PRIMARY_CHANNEL}. A sensor without them gets the descriptor's default
 * interval and its first channel.
 */
public final class ConventionalSettings {

    public static final String INTERVAL = "interval";
    public static final String PRIMARY_CHANNEL = "primaryChannel";

    private ConventionalSettings() {
    }

    public static Duration interval(Settings settings) {
        if (settings.descriptor().setting(INTERVAL).isPresent() && settings.has(INTERVAL)) {
            return settings.seconds(INTERVAL);
        }
        return settings.descriptor().defaultInterval();
    }

    /** The primary channel's key; falls back to the first channel when the setting names none. */
    public static String primaryChannel(Settings settings) {
        var channels = settings.descriptor().channels();
        if (settings.descriptor().setting(PRIMARY_CHANNEL).isPresent() && settings.has(PRIMARY_CHANNEL)) {
            String key = settings.text(PRIMARY_CHANNEL);
            if (channels.stream().anyMatch(c -> c.key().equals(key))) {
                return key;
            }
        }
        return channels.isEmpty() ? "" : channels.get(0).key();
    }
}
