package io.mailtrip.nagios;

import java.util.Locale;

/**
 * How a setting key becomes a command-line option, an environment variable and an Icinga variable:
 * {@code smtpPort} → {@code --smtp-port}, {@code MAILTRIP_SMTP_PORT}, {@code smtp_pop3_roundtrip_smtp_port}.
 * Digits stay with the word before them ({@code pop3Auth} → {@code pop3-auth}).
 */
final class OptionNaming {

    static final String ENV_PREFIX = "MAILTRIP_";

    private OptionNaming() {
    }

    /** {@code smtpPort} → {@code --smtp-port}. */
    static String longOption(String key) {
        return "--" + words(key, '-');
    }

    /** {@code smtpPassword} → {@code MAILTRIP_SMTP_PASSWORD}. */
    static String environmentVariable(String key) {
        return ENV_PREFIX + words(key, '_').toUpperCase(Locale.ROOT);
    }

    /** {@code smtpPort} → {@code smtp_port}: the part after the Icinga command's variable prefix. */
    static String snakeCase(String key) {
        return words(key, '_');
    }

    private static String words(String camelCase, char separator) {
        StringBuilder out = new StringBuilder(camelCase.length() + 4);
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append(separator);
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
