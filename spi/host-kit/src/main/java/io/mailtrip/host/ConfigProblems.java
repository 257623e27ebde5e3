package io.mailtrip.host;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a configuration file, each located by its path in the file
 * ({@code devices.mx1.group}), so the user fixes them all in one go. The file is named the host's way
 * ({@code config.yml}, {@code --config /etc/nagios/mailtrip.yml}); each problem becomes one line
 * {@code <file>: <path>: <rule>}.
 */
public final class ConfigProblems {

    private final String file;
    private final List<ConfigurationProblem> problems = new ArrayList<>();

    /** @param file how messages name the file */
    public ConfigProblems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** @param where the path in the file, empty for the file as a whole */
    public void add(String where, String message) {
        problems.add(new ConfigurationProblem(where.isEmpty() ? file : file + ": " + where, message));
    }

    /** Reports each key of {@code object} that is not in {@code known} ({@code prefix} is its parent path). */
    public void unknownKeys(String prefix, JsonNode object, List<String> known) {
        object.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                add(prefix + key, "unknown key (known: " + String.join(", ", known) + ")");
            }
        });
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @throws ConfigurationException with every problem, when there is any */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
