package io.mailtrip.host;

import io.mailtrip.spi.SettingRole;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One level of a settings hierarchy: the sensor itself, its device, the device's group, the root.
 *
 * @param origin where its values come from
 * @param values flat {@code key -> text} as the host read them (references not yet resolved)
 * @param host   the device's host name, filling the {@link SettingRole#TARGET_HOST} setting; empty elsewhere
 */
public record SettingsLayer(SettingOrigin origin, Map<String, String> values, Optional<String> host) {

    public SettingsLayer {
        values = new LinkedHashMap<>(values);
    }

    @Override
    public Map<String, String> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public static SettingsLayer of(String level, String name, Map<String, String> values) {
        return new SettingsLayer(new SettingOrigin(level, name), values, Optional.empty());
    }

    public static SettingsLayer device(String name, String host, Map<String, String> values) {
        return new SettingsLayer(new SettingOrigin("device", name), values, Optional.ofNullable(host));
    }
}
