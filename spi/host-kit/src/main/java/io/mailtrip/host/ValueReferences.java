package io.mailtrip.host;

import io.mailtrip.spi.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final boolean resolving;

    /** @param environment looks up an environment variable, {@code null} when unset */
    public ValueReferences(UnaryOperator<String> environment) {
        this(environment, true);
    }

    private ValueReferences(UnaryOperator<String> environment, boolean resolving) {
        this.environment = environment;
        this.resolving = resolving;
    }

    /** No references: every value is taken as written (a host whose secrets come from its own store). */
    public static ValueReferences none() {
        return new ValueReferences(name -> null, false);
    }

    /** References resolved against the process environment. */
    public static ValueReferences fromProcess() {
        return new ValueReferences(System::getenv);
    }

    /** The value behind {@code value} when it is a reference, else {@code value} itself. */
    public String resolve(String key, String value) {
        if (value == null || !resolving) {
            return value;
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
