package io.mailtrip.nagios;

import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingType;

import java.util.Map;

/**
 * One command-line option: a plugin option of the guidelines, a threshold, or a sensor setting.
 *
 * @param longName   {@code --smtp-port}
 * @param shortName  {@code -H}, or {@code null}
 * @param kind       what the option sets
 * @param setting    the setting it binds ({@link Kind#SETTING}, {@link Kind#SETTING_OFF}), else {@code null}
 * @param channelKey the channel of a threshold, {@code null} for the primary channel or other kinds
 * @param valueLabel placeholder in help ({@code PORT}), empty when the option takes no value
 */
record PluginOption(String longName, String shortName, Kind kind, SettingDescriptor setting, String channelKey,
                    String valueLabel) {

    /** What an option does. */
    enum Kind {
        HELP, VERSION, VERBOSE, TIMEOUT, TIMEOUT_STATE, WARNING, CRITICAL, DAYS_LEFT, CONFIG, DEVICE, SETTING,
        SETTING_OFF, SETTING_CHOICE
    }

    /** The IP-version options of the guidelines for an {@link io.mailtrip.spi.SettingRole#ADDRESS_FAMILY} value. */
    static final Map<String, String> FAMILY_SHORT_NAMES = Map.of("ipv4", "-4", "ipv6", "-6");

    /** The enum value a {@link Kind#SETTING_CHOICE} option sets: {@code --use-ipv4} sets {@code ipv4}. */
    String choice() {
        return longName.substring("--use-".length());
    }

    static PluginOption plugin(String longName, String shortName, Kind kind, String valueLabel) {
        return new PluginOption(longName, shortName, kind, null, null, valueLabel);
    }

    /** True when the next argument (or the text after {@code =}) is this option's value. */
    boolean takesValue() {
        return !valueLabel.isEmpty();
    }

    /** True for a boolean setting: {@code --verify-hostname} alone means true, {@code =false} is allowed. */
    boolean isFlag() {
        return kind == Kind.SETTING && setting.type() == SettingType.BOOLEAN;
    }

    /** {@code -H, --smtp-host} or {@code --smtp-port}. */
    String names() {
        return shortName == null ? longName : shortName + ", " + longName;
    }
}
