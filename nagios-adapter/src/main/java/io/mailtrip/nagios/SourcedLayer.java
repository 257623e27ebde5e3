package io.mailtrip.nagios;

import io.mailtrip.host.SettingOrigin;
import io.mailtrip.host.SettingsLayer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One level of settings as the plugin read it: the SPI's layer for {@code InheritedSettings}, plus what
 * the operator typed or wrote for each entry, so that an error names it ({@code --smtp-port},
 * {@code MAILTRIP_POP3_PASSWORD}, {@code --config /etc/nagios/mailtrip.yml: devices.mx1.settings.smtpPort}).
 *
 * @param layer      the values, their origin and, for a device, its host
 * @param sources    setting key → where its value was given
 * @param hostSource where the device's host was given, or {@code null} for a layer without a host
 */
record SourcedLayer(SettingsLayer layer, Map<String, String> sources, String hostSource) {

    SourcedLayer {
        sources = Map.copyOf(sources);
    }

    /** A layer without a host. */
    static SourcedLayer of(SettingOrigin origin, Map<String, SourcedValue> values) {
        return new SourcedLayer(new SettingsLayer(origin, text(values), Optional.empty()), sources(values), null);
    }

    /** A device: its host fills the sensor's target host when no nearer level sets it. */
    static SourcedLayer device(String name, String host, String hostSource, Map<String, SourcedValue> values) {
        return new SourcedLayer(SettingsLayer.device(name, host, text(values)), sources(values),
                host == null ? null : hostSource);
    }

    /** Where {@code key}'s value in this layer came from: its entry, else the device's host. */
    String source(String key) {
        return sources.getOrDefault(key, hostSource);
    }

    private static Map<String, String> text(Map<String, SourcedValue> values) {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((key, value) -> text.put(key, value.value()));
        return text;
    }

    private static Map<String, String> sources(Map<String, SourcedValue> values) {
        Map<String, String> sources = new LinkedHashMap<>();
        values.forEach((key, value) -> sources.put(key, value.source()));
        return sources;
    }
}
