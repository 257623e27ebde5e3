package io.mailtrip.host;

import io.mailtrip.spi.SensorResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Text that came from a peer (a server's reply inside a result's message, phase or detail lines) made
 * safe for every output a host writes: the Nagios line and long output, console and JSON lines, JUnit XML,
 * the status page, metric labels. One function for all of them ({@link #clean}), applied once where a
 * host receives a result ({@link #cleaned}), so no output has to remember it (issue 13).
 */
public final class ResultText {

    /** Longest message a host keeps, in characters; a server's reply line can be far longer. */
    public static final int MAX_MESSAGE_CHARS = 500;
    /** Longest detail line a host keeps, in characters. */
    public static final int MAX_DETAIL_CHARS = 500;
    /** Most detail lines a host keeps; the last one kept says how many were dropped. */
    public static final int MAX_DETAILS = 1000;
    /** Longest phase name. */
    public static final int MAX_PHASE_CHARS = 40;

    private static final String CUT = "...";

    private ResultText() {
    }

    /**
     * {@code text} with every character that could change how an output reads replaced by a space — C0
     * controls (line breaks and tabs included) and DEL, C1 controls (U+0085 NEL, U+009B CSI, ...), the
     * Unicode line and paragraph separators U+2028/U+2029 and the bidirectional overrides and isolates
     * (U+202A..U+202E, U+2066..U+2069) — then cut to at most {@code maxChars} characters, ending in
     * {@code ...} when cut (never inside a surrogate pair).
     */
    public static String clean(String text, int maxChars) {
        int first = firstUnsafe(text);
        if (first == text.length() && text.length() <= maxChars) {
            // The common case (every result goes through here, thousands a minute in the runner): no copy.
            return text;
        }
        // Only what can be kept is copied: an endless reply line is not copied whole to be cut.
        int copied = Math.min(text.length(), maxChars + 1);
        StringBuilder out = new StringBuilder(copied);
        out.append(text, 0, Math.min(first, copied));
        for (int i = out.length(); i < copied; i++) {
            char c = text.charAt(i);
            out.append(unsafe(c) ? ' ' : c);
        }
        if (out.length() <= maxChars) {
            return out.toString();
        }
        int end = maxChars - CUT.length();
        if (Character.isHighSurrogate(out.charAt(end - 1))) {
            end--;
        }
        return out.substring(0, end) + CUT;
    }

    /** Index of the first {@linkplain #unsafe unsafe} character, the length when there is none. */
    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }

    /** The result with its message, phase and details {@linkplain #clean cleaned} and capped. */
    public static SensorResult cleaned(SensorResult result) {
        List<String> details = new ArrayList<>();
        int kept = result.details().size() > MAX_DETAILS ? MAX_DETAILS - 1 : result.details().size();
        for (int i = 0; i < kept; i++) {
            details.add(clean(result.details().get(i), MAX_DETAIL_CHARS));
        }
        if (kept < result.details().size()) {
            details.add("... " + (result.details().size() - kept) + " more lines not kept");
        }
        return new SensorResult(result.status(), clean(result.message(), MAX_MESSAGE_CHARS),
                clean(result.phase(), MAX_PHASE_CHARS), result.channels(), result.start(), result.elapsed(), details);
    }
}
