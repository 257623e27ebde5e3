package io.mailtrip.jenkins.core;

import io.mailtrip.host.MarkupText;

/**
 * Escapes metadata text for the generated XML files. Every label, help text and default that goes into
 * a Jelly or help file passes through here, so a {@code <} or {@code &} in metadata can never become
 * markup.
 */
final class XmlText {

    private XmlText() {
    }

    /** Text for an element body or a quoted attribute of a static XML file: the host kit's strict escaping. */
    static String escape(String text) {
        return MarkupText.escapeStrict(text);
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
