package io.mailtrip.nagios;

import java.util.List;

/**
 * A bad option, setting or file: the plugin prints {@code UNKNOWN - <where>: <rule>} and exits 3.
 * {@code where} is what the operator typed or wrote: an option, an environment variable, a file.
 */
final class UsageException extends RuntimeException {

    private final List<String> lines;

    UsageException(String where, String rule) {
        this(List.of(where + ": " + rule));
    }

    /** Several problems: the first leads the output line, all of them go below it. */
    UsageException(List<String> lines) {
        super(lines.get(0));
        this.lines = List.copyOf(lines);
    }

    List<String> lines() {
        return lines;
    }
}
