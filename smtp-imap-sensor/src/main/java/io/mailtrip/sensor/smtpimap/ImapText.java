package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.OneLine;

import java.util.ArrayList;
import java.util.List;

/** IMAP strings and numbers as the grammar of RFC 9051 section 9 wants them. */
final class ImapText {

    private ImapText() {
    }

    /** A quoted string (RFC 9051 section 4.3): backslash and double quote escaped. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** True when {@link #quoted} can carry the text: 7-bit, no NUL, CR or LF. */
    static boolean quotable(String text) {
        return text.chars().allMatch(c -> c > 0 && c < 0x80 && c != '\r' && c != '\n');
    }

    /** The UIDs of untagged {@code * SEARCH n n n} responses, at most {@code limit}. */
    static List<Long> searchUids(List<ImapWire.Response> untagged, int limit) throws ImapWire.Malformed {
        List<Long> uids = new ArrayList<>();
        for (ImapWire.Response response : untagged) {
            if (!response.word(0).equals("SEARCH")) {
                continue;
            }
            String[] words = response.text().split(" ");
            for (int i = 1; i < words.length && uids.size() < limit; i++) {
                if (words[i].isEmpty()) {
                    continue;
                }
                uids.add(uid(words[i]));
            }
        }
        return uids;
    }

    /** A UID: 1 .. 2^32-1 (RFC 9051 section 2.3.1.1). */
    static long uid(String word) throws ImapWire.Malformed {
        try {
            long uid = Long.parseLong(word);
            if (uid >= 1 && uid <= 0xFFFF_FFFFL) {
                return uid;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ImapWire.Malformed("not a UID: " + OneLine.of(word, 30));
    }
}
