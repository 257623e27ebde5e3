package io.mailtrip.mailkit;

/**
 * Makes text a peer sent safe for a one-line message or trace line: C0 and C1 control characters
 * (U+0000-U+001F, U+007F-U+009F, among them NEL U+0085 and CSI U+009B, which terminals act on) and the
 * Unicode line and paragraph separators U+2028/U+2029 become spaces, and the length is capped.
 */
public final class OneLine {

    private OneLine() {
    }

    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max && plain(text)) {
            // The common case (every trace line of every run passes here): nothing to clean, no copy.
            return text;
        }
        // Cut before cleaning so a huge reply costs no more than the cap.
        String head = text.length() > max * 2 + 16 ? text.substring(0, max * 2 + 16) : text;
        StringBuilder out = new StringBuilder(Math.min(head.length(), max + 3));
        head.strip().codePoints().forEach(c -> out.appendCodePoint(unsafe(c) ? ' ' : c));
        String line = out.toString().strip();
        if (line.length() <= max) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max;
        return line.substring(0, end) + "...";
    }

    /** Nothing to change: no unsafe character, nothing that {@code strip} would remove. */
    private static boolean plain(String text) {
        if (text.isEmpty() || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1))) {
            return text.isEmpty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }
}
