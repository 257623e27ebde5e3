package io.mailtrip.spi;

import java.util.Optional;

/** The rules sensors commonly attach to settings. */
public final class SettingRules {

    private SettingRules() {
    }

    /** Only printable US-ASCII (a HELO name must be ASCII: RFC 5321 section 4.1.1.1). */
    public static SettingRule asciiOnly() {
        return new SettingRule() {
            @Override
            public String describe() {
                return "ASCII only";
            }

            @Override
            public Optional<String> violation(String value) {
                return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? Optional.empty()
                        : Optional.of("must be ASCII only");
            }
        };
    }

    /** At most {@code max} characters. */
    public static SettingRule maxLength(int max) {
        return new SettingRule() {
            @Override
            public String describe() {
                return "at most " + max + " characters";
            }

            @Override
            public Optional<String> violation(String value) {
                return value.length() <= max ? Optional.empty()
                        : Optional.of("is " + value.length() + " characters long, at most " + max + " allowed");
            }
        };
    }
}
