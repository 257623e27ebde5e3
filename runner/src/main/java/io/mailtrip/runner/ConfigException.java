package io.mailtrip.runner;

import java.util.List;

/**
 * A runner configuration that cannot run: every problem found, each a finished line such as
 * {@code config.yml: sensors[0] (mail1): smtpPort: 70000 is not in 1..65535}, so a user fixes them all
 * in one go.
 */
public final class ConfigException extends RuntimeException {

    private final List<String> lines;

    public ConfigException(List<String> lines) {
        super(String.join("\n", lines));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a configuration error needs at least one line");
        }
        this.lines = List.copyOf(lines);
    }

    /** Every problem, one line each, in file order. */
    public List<String> lines() {
        return lines;
    }
}
