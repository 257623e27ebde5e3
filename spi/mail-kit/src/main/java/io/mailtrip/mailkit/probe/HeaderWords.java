package io.mailtrip.mailkit.probe;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** RFC 2047 encoded-words for a header value that is not plain ASCII. */
public final class HeaderWords {

    private HeaderWords() {
    }

    public static String encode(String value) {
        if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return value;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
