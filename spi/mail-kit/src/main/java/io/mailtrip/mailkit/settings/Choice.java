package io.mailtrip.mailkit.settings;

import java.util.Locale;

/**
 * An enum constant that is one option of an ENUM setting: its setting value is the constant's name in
 * lower camel case ({@code CRAM_MD5} is {@code cramMd5}). Read through {@link MailSettings#choice}; the
 * labels a form shows are declared with the setting ({@link MailSettings#options}).
 */
public interface Choice {

    /** The value written in configuration: the constant's name in lower camel case. */
    default String key() {
        StringBuilder key = new StringBuilder();
        for (String word : ((Enum<?>) this).name().toLowerCase(Locale.ROOT).split("_")) {
            key.append(key.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return key.toString();
    }
}
