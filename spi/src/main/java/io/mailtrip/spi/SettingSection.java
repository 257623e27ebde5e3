package io.mailtrip.spi;

import java.util.List;

/**
 * An ordered group of settings as a form shows it.
 *
 * @param key      stable key ({@code smtp})
 * @param label    heading ("SMTP specific")
 * @param settings settings in display order
 */
public record SettingSection(String key, String label, List<SettingDescriptor> settings) {

    public SettingSection {
        settings = List.copyOf(settings);
    }
}
