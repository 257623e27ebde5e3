package io.mailtrip.mailkit.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of one message as TOP n 0 returns them, unfolded (RFC 5322 section 2.2.3).
 *
 * @param fields {@code name: value} pairs in order, names as sent
 */
public record MessageHeaders(List<Field> fields) {

    /** One header field. */
    public record Field(String name, String value) {
    }

    public static MessageHeaders read(Reader reader) throws IOException {
        List<Field> fields = new ArrayList<>();
        StringBuilder current = null;
        try (BufferedReader lines = new BufferedReader(reader)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    // The end of the header; drain so the connection is ready for the next command.
                    while (lines.readLine() != null) {
                        continue;
                    }
                    break;
                }
                boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
                if (continuation && current != null) {
                    current.append(' ').append(line.strip());
                } else {
                    add(fields, current);
                    current = new StringBuilder(line);
                }
            }
        }
        add(fields, current);
        return new MessageHeaders(List.copyOf(fields));
    }

    private static void add(List<Field> fields, StringBuilder raw) {
        if (raw == null) {
            return;
        }
        int colon = raw.indexOf(":");
        if (colon > 0) {
            fields.add(new Field(raw.substring(0, colon).strip(), raw.substring(colon + 1).strip()));
        }
    }

    /** Every value of the named field (case-insensitive). */
    public List<String> values(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Field::value).toList();
    }
}
