package io.mailtrip.host;

import java.util.Locale;

/**
 * The one escaper of text put into XML, HTML and SVG by any host (status pages, charts, JUnit XML,
 * generated form files), so a {@code <} or {@code &} in a message, a label or metadata never becomes markup.
 */
public final class MarkupText {

    private MarkupText() {
    }

    /**
     * Text for an element body or a quoted attribute: markup escaped, and the characters XML 1.0 cannot
     * carry at all (most control characters) dropped, since a result message may hold anything a server sent.
     */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * As {@link #escape}, for text that must not hold such characters at all (metadata written into files
     * that are checked in): one is an error naming it, not a silent drop.
     *
     * @throws IllegalArgumentException for a control character other than none
     */
    public static String escapeStrict(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean strict) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean control = c < 0x20 || c == 0x7f;
                    if (strict && control) {
                        throw new IllegalArgumentException("text contains control character "
                                + String.format(Locale.ROOT, "U+%04X", c) + ": " + text.strip());
                    }
                    if (c == '\n' || c == '\t' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
