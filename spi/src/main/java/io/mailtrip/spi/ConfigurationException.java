package io.mailtrip.spi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one exception type of the SPI: configuration that cannot run. It lists every problem found,
 * so a user fixes them all in one go. A run that has started never throws it: failures are results.
 */
public final class ConfigurationException extends RuntimeException {

    private final List<ConfigurationProblem> problems;

    public ConfigurationException(List<ConfigurationProblem> problems) {
        super(problems.stream().map(ConfigurationProblem::line).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigurationException(String key, String message) {
        this(List.of(new ConfigurationProblem(key, message)));
    }

    /** Every problem, in the order of the settings metadata. */
    public List<ConfigurationProblem> problems() {
        return problems;
    }

    /** Every problem as the line adapters print, {@code key: message}, in order. */
    public List<String> lines() {
        return problems.stream().map(ConfigurationProblem::line).toList();
    }

    /** The same problems, each located under {@code where} ({@code config.yml: sensors[0] (mail1)}). */
    public ConfigurationException locatedAt(String where) {
        return new ConfigurationException(problems.stream()
                .map(p -> new ConfigurationProblem(where + ": " + p.key(), p.message())).toList());
    }
}
