package io.mailtrip.sensor.smtpimap;

/** Makes server text safe for a one-line message: no control characters, bounded length. */
final class OneLine {

    private OneLine() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.strip().codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? ' ' : c));
        String line = out.toString();
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }
}
