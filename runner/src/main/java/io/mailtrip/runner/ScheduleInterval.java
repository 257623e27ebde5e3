package io.mailtrip.runner;

import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.Settings;

import java.time.Duration;

/**
 * The interval a host schedules an instance at: the integer setting (seconds) that plays
 * {@link SettingRole#INTERVAL}, else the sensor's {@code SensorDescriptor.defaultInterval()}. Found by
 * role, so a plugin may call its interval setting whatever it likes.
 */
final class ScheduleInterval {

    private ScheduleInterval() {
    }

    static Duration of(Settings settings) {
        return settings.descriptor().settingFor(SettingRole.INTERVAL).map(SettingDescriptor::key)
                .filter(settings::has).map(settings::seconds)
                .orElse(settings.descriptor().defaultInterval());
    }
}
