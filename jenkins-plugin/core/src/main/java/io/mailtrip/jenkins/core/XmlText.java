package io.mailtrip.jenkins.core;

/**
 * Escapes metadata text for the generated XML files. Every label, help text and default that goes into
 * a Jelly or help file passes through here, so a {@code <} or {@code &} in metadata can never become
 * markup.
 */
final class XmlText {

    private XmlText() {
    }

    /** Text for an element body or a double- or single-quoted attribute of a static XML file. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        // XML 1.0 cannot carry most control characters even as references.
                        throw new IllegalArgumentException("metadata text contains control character "
                                + String.format(java.util.Locale.ROOT, "U+%04X", c) + ": " + text.strip());
                    }
                    out.appendCodePoint(c);
                }
            }
        });
        return out.toString();
    }

    /**
     * Text for a Jelly file: as {@link #escape}, and a literal {@code $} written as the expression
     * <code>${'$'}</code>, because Jelly evaluates <code>${...}</code> in text and attributes, so a help
     * text mentioning <code>${env:NAME}</code> would otherwise run as an expression.
     */
    static String jelly(String text) {
        return escape(text).replace("$", "${'$'}");
    }
}
