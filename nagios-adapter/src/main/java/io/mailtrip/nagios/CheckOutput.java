package io.mailtrip.nagios;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the plugin prints: {@code <SERVICE> <STATE> - <summary> | <perfdata>} on the first line (all
 * perfdata there, read alike by Nagios, Naemon and Icinga 2), long output below without any {@code |}.
 *
 * @param state     the state, also the exit code
 * @param summary   the human text of the first line
 * @param perfdata  the perfdata items, or empty
 * @param longLines lines below the first
 */
record CheckOutput(PluginState state, String summary, String perfdata, List<String> longLines) {

    /** NRPE protocol v2 carries 1024 bytes: the plain output must fit whatever NRPE version is used. */
    static final int SMALL_LIMIT = 1024;
    /** Nagios Core keeps 8 KiB of plugin output; a long protocol trace is cut there. */
    static final int TRACE_LIMIT = 8192;
    private static final int SUMMARY_LIMIT = 600;

    CheckOutput {
        longLines = List.copyOf(longLines);
    }

    /** Output without long lines and without perfdata (help, version). */
    static CheckOutput plain(PluginState state, String text) {
        return new CheckOutput(state, text, "", List.of());
    }

    /**
     * The text to print, at most {@code limit} bytes of UTF-8, ending with a line break.
     *
     * @param service the name the first line starts with, like {@code SMTP} in {@code check_smtp}
     */
    String render(String service, int limit) {
        String first = service + " " + state.name() + " - " + clip(humanText(summary), SUMMARY_LIMIT)
                + (perfdata.isEmpty() ? "" : " | " + perfdata);
        StringBuilder out = new StringBuilder(first).append('\n');
        List<String> lines = new ArrayList<>(longLines);
        for (int i = 0; i < lines.size(); i++) {
            String line = humanText(lines.get(i)) + "\n";
            String cut = "(" + (lines.size() - i) + " more lines cut)\n";
            if (bytes(out) + bytes(line) + bytes(cut) > limit && i < lines.size() - 1
                    || bytes(out) + bytes(line) > limit) {
                if (bytes(out) + bytes(cut) <= limit) {
                    out.append(cut);
                }
                break;
            }
            out.append(line);
        }
        return out.toString();
    }

    /** One line of human text: no {@code |} (it would start perfdata), no line breaks. */
    static String humanText(String text) {
        return text.replace('|', '/').replace('\r', ' ').replace('\n', ' ');
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static int bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
