package io.mailtrip.nagios;

import java.util.Locale;

/**
 * How a setting key becomes a command-line option, an environment variable and an Icinga variable:
 * {@code serverPort} → {@code --server-port}, {@code MAILTRIP_SERVER_PORT}, {@code <command>_server_port}.
 * Digits stay with the word before them ({@code ipv6Only} → {@code ipv6-only}).
 */
final class OptionNaming {

    static final String ENV_PREFIX = "MAILTRIP_";

    private OptionNaming() {
    }

    /** {@code serverPort} → {@code --server-port}. */
    static String longOption(String key) {
        return "--" + words(key, '-');
    }

    /** {@code serverPassword} → {@code MAILTRIP_SERVER_PASSWORD}. */
    static String environmentVariable(String key) {
        return ENV_PREFIX + words(key, '_').toUpperCase(Locale.ROOT);
    }

    /** {@code serverPort} → {@code server_port}: the part after the Icinga command's variable prefix. */
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
