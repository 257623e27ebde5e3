package io.mailtrip.jenkins.core;

import io.mailtrip.spi.DefaultValue;
import io.mailtrip.spi.SettingDescriptor;

import java.util.Optional;

/**
 * One field of the generated form.
 *
 * @param name    the form field name, a setting key for setting fields
 * @param kind    how it is shown and read
 * @param label   the entry title
 * @param setting the setting it edits; empty for host fields (instance id, sensor id, credentials)
 * @param pair    the user and password settings a credentials field stands for
 */
public record FormField(String name, FieldKind kind, String label, Optional<SettingDescriptor> setting,
                        Optional<CredentialPair> pair) {

    /** True for fields whose value goes into the sensor's settings map under their own name. */
    public boolean isSetting() {
        return setting.isPresent();
    }

    /**
     * What a choice or checkbox shows while the setting is unset: its fixed default, else empty. Text
     * fields stay empty instead (blank means "use the default"), so a derived default keeps following
     * the setting it derives from.
     */
    public String initialValue() {
        return setting.map(SettingDescriptor::defaultValue).filter(DefaultValue.Fixed.class::isInstance)
                .map(d -> ((DefaultValue.Fixed) d).value()).orElse("");
    }
}
