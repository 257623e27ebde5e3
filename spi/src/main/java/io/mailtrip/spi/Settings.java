package io.mailtrip.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, validated, immutable settings of one sensor instance. Built only by {@link #parse}, so a
 * {@code Settings} object is always valid for its descriptor. Invisible settings carry no value.
 */
public final class Settings {

    private final SensorDescriptor descriptor;
    private final Map<String, Object> values;
    private final List<String> ignored;
    private final List<String> invisible;

    Settings(SensorDescriptor descriptor, Map<String, Object> values, List<String> ignored, List<String> invisible) {
        this.descriptor = descriptor;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.ignored = List.copyOf(ignored);
        this.invisible = List.copyOf(invisible);
    }

    /**
     * Binds a flat {@code key -> text} map (what a CLI, a form or a YAML file gives) to the descriptor.
     *
     * @throws ConfigurationException listing every bad setting: unknown keys, missing required ones,
     *                                values that break their type, range or rules
     */
    public static Settings parse(SensorDescriptor descriptor, Map<String, String> raw) {
        return new SettingsBinder(descriptor, raw).bind();
    }

    public SensorDescriptor descriptor() {
        return descriptor;
    }

    /** True when the setting applies under the current values (its visibility rule holds). */
    public boolean isVisible(String key) {
        requireKnown(key);
        return !invisible.contains(key);
    }

    /** True when the setting is visible and has a value (given or default). */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Keys the user set although their visibility rule made them not apply; their values were ignored. */
    public List<String> ignored() {
        return ignored;
    }

    public String text(String key) {
        return (String) require(key);
    }

    public Optional<String> optionalText(String key) {
        return Optional.ofNullable((String) values.get(requireKnown(key)));
    }

    public int integer(String key) {
        return Math.toIntExact((Long) require(key));
    }

    /** An integer setting in seconds, as a duration. */
    public Duration seconds(String key) {
        return Duration.ofSeconds((Long) require(key));
    }

    public boolean flag(String key) {
        return (Boolean) require(key);
    }

    public Optional<Secret> secret(String key) {
        return Optional.ofNullable((Secret) values.get(requireKnown(key)));
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        return (List<String>) require(key);
    }

    /**
     * The value of a typed key.
     *
     * @throws IllegalStateException when the setting has no value (invisible or unset): check
     *                               {@link #optional(SettingKey)} for settings that may have none
     */
    public <T> T get(SettingKey<T> key) {
        return key.convert(require(typed(key)));
    }

    /** The value of a typed key, or empty when it has none (invisible or unset without default). */
    public <T> Optional<T> optional(SettingKey<T> key) {
        return Optional.ofNullable(values.get(typed(key))).map(key::convert);
    }

    /** True when the typed key's setting is visible and has a value. */
    public boolean has(SettingKey<?> key) {
        return values.containsKey(typed(key));
    }

    /**
     * Every visible setting with a value, as text, in descriptor order, secrets masked: safe to print
     * (for a {@code --validate} listing or a stored result).
     */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((key, value) -> out.put(key, value instanceof List<?> list
                ? String.join(" ", list.stream().map(String::valueOf).toList())
                : String.valueOf(value)));
        return out;
    }

    private Object require(String key) {
        Object value = values.get(requireKnown(key));
        if (value == null) {
            throw new IllegalStateException(key + " has no value (invisible or unset); check has() first");
        }
        return value;
    }

    private String typed(SettingKey<?> key) {
        SettingType declared = descriptor.setting(requireKnown(key.name())).orElseThrow().type();
        if (declared != key.type()) {
            throw new IllegalArgumentException(key.name() + " is declared " + declared + ", read as " + key.type());
        }
        return key.name();
    }

    private String requireKnown(String key) {
        if (descriptor.setting(key).isEmpty()) {
            throw new IllegalArgumentException("not a setting of " + descriptor.id() + ": " + key);
        }
        return key;
    }
}
