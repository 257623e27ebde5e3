package io.mailtrip.host;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that point elsewhere, so a secret need not be written in a configuration file, a command line
 * or a Jenkins form: {@code ${env:NAME}} takes an environment variable, {@code ${file:/path}} the content
 * of a file (one trailing line break removed). A value that is not exactly one reference is taken
 * as written. Every host resolves references the same way, through this class.
 */
public final class ValueReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private final UnaryOperator<String> environment;

    /** @param environment looks up an environment variable, {@code null} when unset */
    public ValueReferences(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** References resolved against the process environment. */
    public static ValueReferences fromProcess() {
        return new ValueReferences(System::getenv);
    }

    /**
     * Resolves every value of a flat settings map.
     *
     * @throws ConfigurationException naming each key whose reference cannot be resolved
     */
    public Map<String, String> resolveAll(Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        List<ConfigurationProblem> problems = new ArrayList<>();
        raw.forEach((key, value) -> {
            try {
                out.put(key, resolve(key, value));
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return out;
    }

    /** The value behind {@code value} when it is a reference, else {@code value} itself. */
    public String resolve(String key, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(value.strip());
        if (!m.matches()) {
            return value;
        }
        String target = m.group(2).strip();
        if (m.group(1).equals("env")) {
            String found = environment.apply(target);
            if (found == null) {
                throw new ConfigurationException(key, "environment variable " + target + " is not set");
            }
            return found;
        }
        try {
            String content = Files.readString(Path.of(target), StandardCharsets.UTF_8);
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(key, "cannot read file " + target + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
