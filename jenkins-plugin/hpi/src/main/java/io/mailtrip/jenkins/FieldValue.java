package io.mailtrip.jenkins;

import hudson.model.Describable;

/**
 * One stored form field's value by field name, as Jenkins binds and stores it: a text value
 * ({@link SettingValue}) or a lone secret kept encrypted ({@link SecretSettingValue}). The two stay
 * separate classes, since saved configurations name them, and share everything but the value's type here.
 *
 * @param <V> the value's type
 * @param <T> the concrete type, as {@link Describable} wants it
 */
public abstract class FieldValue<V, T extends FieldValue<V, T>> implements Describable<T> {

    private final String key;
    private final V value;

    FieldValue(String key, V value) {
        this.key = key;
        this.value = value;
    }

    /** The field name (a setting key or a credentials field). */
    public String getKey() {
        return key;
    }

    public V getValue() {
        return value;
    }
}
