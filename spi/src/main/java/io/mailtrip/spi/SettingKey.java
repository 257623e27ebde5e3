package io.mailtrip.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed name of one setting: declared once, next to the setting's {@link SettingDescriptor}, and read
 * through {@link Settings#get(SettingKey)} or {@link Settings#optional(SettingKey)}, so the key's spelling
 * and the conversion of its value exist in one place. Enum settings are converted once, by the key, to the
 * sensor's own enum type.
 *
 * @param <T> the Java type a sensor reads
 */
public final class SettingKey<T> {

    private final String name;
    private final SettingType type;
    private final Function<Object, T> convert;

    private SettingKey(String name, SettingType type, Function<Object, T> convert) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.convert = convert;
    }

    /** A text setting of {@code type} (STRING, EMAIL, HOST), read as it was given. */
    public static SettingKey<String> text(String name, SettingType type) {
        if (type != SettingType.STRING && type != SettingType.EMAIL && type != SettingType.HOST) {
            throw new IllegalArgumentException(name + ": text keys are STRING, EMAIL or HOST, not " + type);
        }
        return new SettingKey<>(name, type, String.class::cast);
    }

    /** A whole number (INTEGER). */
    public static SettingKey<Integer> integer(String name) {
        return new SettingKey<>(name, SettingType.INTEGER, value -> Math.toIntExact((Long) value));
    }

    /** A whole number of seconds (INTEGER with unit s), read as a duration. */
    public static SettingKey<Duration> seconds(String name) {
        return new SettingKey<>(name, SettingType.INTEGER, value -> Duration.ofSeconds((Long) value));
    }

    /** {@code true}/{@code false} (BOOLEAN). */
    public static SettingKey<Boolean> flag(String name) {
        return new SettingKey<>(name, SettingType.BOOLEAN, Boolean.class::cast);
    }

    /** A credential (SECRET). */
    public static SettingKey<Secret> secret(String name) {
        return new SettingKey<>(name, SettingType.SECRET, Secret.class::cast);
    }

    /** A file or folder (PATH). */
    public static SettingKey<Path> path(String name) {
        return new SettingKey<>(name, SettingType.PATH, value -> Path.of((String) value));
    }

    /** Words (LIST). */
    @SuppressWarnings("unchecked")
    public static SettingKey<List<String>> list(String name) {
        return new SettingKey<>(name, SettingType.LIST, value -> (List<String>) value);
    }

    /** An ENUM setting read as its option text, for options that are data rather than a Java enum. */
    public static SettingKey<String> option(String name) {
        return new SettingKey<>(name, SettingType.ENUM, String.class::cast);
    }

    /**
     * An ENUM setting read as a constant of {@code type}; {@code value} gives the text each constant is
     * written as. The descriptor's options must be exactly these texts (hosts validate against the
     * descriptor, so a value reaching the key is always one of them).
     */
    public static <E extends Enum<E>> SettingKey<E> choice(String name, Class<E> type, Function<E, String> value) {
        // A loop, not a stream collector: every check builds these keys at start-up (issue 16).
        Map<String, E> byText = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            if (byText.put(value.apply(constant), constant) != null) {
                throw new IllegalStateException("Duplicate key " + value.apply(constant));
            }
        }
        return new SettingKey<>(name, SettingType.ENUM, raw -> {
            E constant = byText.get((String) raw);
            if (constant == null) {
                throw new IllegalStateException(name + ": option " + raw + " has no " + type.getSimpleName());
            }
            return constant;
        });
    }

    /** The key as users write it ({@code smtpPort}). */
    public String name() {
        return name;
    }

    public SettingType type() {
        return type;
    }

    /** A descriptor builder for this key, so the declaration cannot spell the key differently. */
    public SettingDescriptor.Builder describe() {
        return SettingDescriptor.builder(name, type);
    }

    T convert(Object value) {
        return convert.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
