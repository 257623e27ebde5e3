package io.mailtrip.nagios;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for help text: 80 columns, as the guidelines ask of plugin help. */
final class TextWrap {

    static final int WIDTH = 80;

    private TextWrap() {
    }

    /** {@code text} as lines of at most {@link #WIDTH} columns, each indented by {@code indent} spaces. */
    static List<String> wrap(String text, int indent) {
        String pad = " ".repeat(indent);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(pad);
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > indent && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(pad);
            }
            if (line.length() > indent) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > indent) {
            lines.add(line.toString());
        }
        return lines;
    }
}
