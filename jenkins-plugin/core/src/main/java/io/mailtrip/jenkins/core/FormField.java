package io.mailtrip.jenkins.core;

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
}
