package io.mailtrip.host;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that point elsewhere, so a secret need not be written in a configuration file, a command line
 * or a Jenkins form: {@code ${env:NAME}} takes an environment variable, {@code ${file:/path}} the content
 * of a file (one trailing line break removed). A value that is not exactly one reference is taken
 * as written. Every host resolves references the same way, through this class.
 *
 * <p>{@code ${file:}} is accepted only by secret settings, whose value is never shown: a host that runs
 * as root for a user who may choose its settings (NRPE arguments, a shared configuration) would otherwise
 * print any file in an error message, a {@code -vvv} trace or a probe's subject (issue 13). The file must
 * be a regular file of at most {@value #MAX_FILE_BYTES} bytes (64 KiB), checked before it is read.
 */
public final class ValueReferences {

    /** The most a {@code ${file:}} reference may read: far more than any password or key. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

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

    /** Whether {@code key} is a setting of type secret of {@code descriptor}. */
    public static boolean isSecret(SensorDescriptor descriptor, String key) {
        // No lambda: this is on the Nagios plugin's start-up path.
        Optional<SettingDescriptor> setting = descriptor.setting(key);
        return setting.isPresent() && setting.get().type() == SettingType.SECRET;
    }

    /**
     * The value behind {@code value} when it is a reference, else {@code value} itself.
     *
     * @param secret whether {@code key} is a secret setting (only those may be {@code ${file:}})
     */
    public String resolve(String key, String value, boolean secret) {
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
        if (!secret) {
            throw new ConfigurationException(key, "${file:} is accepted only by secret settings, whose value is "
                    + "never shown; write the value itself or use ${env:NAME}");
        }
        try {
            String content = BoundedFileReader.read(Path.of(target), MAX_FILE_BYTES, "64 KiB");
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (BoundedFileReader.Refused e) {
            throw new ConfigurationException(key, "file " + target + " " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(key, "cannot read file " + target + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
