package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.Settings;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings the plugin reads for itself, found by {@link SettingRole} and never by a key typed here,
 * so any sensor built on the SPI gets the same schedule and display. A sensor without such a setting gets
 * the descriptor's default interval, its first channel and independent charts.
 */
public final class RoleSettings {

    /** The GRAPH_TYPE value that stacks the channels; the other SPI value is {@code independent}. */
    static final String STACKED = "stacked";

    private RoleSettings() {
    }

    public static Duration interval(Settings settings) {
        return value(settings, SettingRole.INTERVAL).map(settings::seconds)
                .orElse(settings.descriptor().defaultInterval());
    }

    /** The primary channel's key; the first channel when the setting is missing or names no channel. */
    public static String primaryChannel(Settings settings) {
        List<ChannelDescriptor> channels = settings.descriptor().channels();
        return value(settings, SettingRole.PRIMARY_CHANNEL).map(settings::text)
                .filter(key -> channels.stream().anyMatch(c -> c.key().equals(key)))
                .orElse(channels.isEmpty() ? "" : channels.get(0).key());
    }

    /** How the history chart shows the channels. */
    public static ChartStyle chartStyle(Settings settings) {
        boolean stacked = value(settings, SettingRole.GRAPH_TYPE).map(settings::text).filter(STACKED::equals)
                .isPresent();
        Optional<String> unit = value(settings, SettingRole.STACK_UNIT).map(settings::text);
        return stacked && unit.isPresent() ? ChartStyle.stacked(unit.get()) : ChartStyle.independent();
    }

    /** The key of the role's setting when the sensor declares one and it has a value under the others. */
    private static Optional<String> value(Settings settings, SettingRole role) {
        return settings.descriptor().settingFor(role).map(SettingDescriptor::key).filter(settings::has);
    }
}
