package io.mailtrip.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When a setting applies. An invisible setting is neither required nor validated, and its value is
 * ignored. A setting is visible when its controlling setting is visible and has one of the values, or
 * when one of the alternatives ({@link #or}) holds: a setting shared by several legs, such as the
 * OAuth 2.0 token source, applies when any leg uses it.
 *
 * @param controllingKey the setting this one depends on, or {@code null} for "always"
 * @param values         the values of the controlling setting that make this one visible
 * @param alternatives   further conditions, each with its own controlling key; empty for most settings
 */
public record Visibility(String controllingKey, List<String> values, List<Visibility> alternatives) {

    private static final Visibility ALWAYS = new Visibility(null, List.of(), List.of());

    public Visibility {
        values = List.copyOf(values);
        alternatives = List.copyOf(alternatives);
        if (controllingKey == null && !alternatives.isEmpty()) {
            throw new IllegalArgumentException("an always-visible setting has no alternatives");
        }
    }

    public Visibility(String controllingKey, List<String> values) {
        this(controllingKey, values, List.of());
    }

    public static Visibility always() {
        return ALWAYS;
    }

    /** Visible when {@code key} has one of {@code values}. */
    public static Visibility when(String key, String... values) {
        return new Visibility(Objects.requireNonNull(key, "key"), List.of(values));
    }

    /** Visible when this holds or when {@code key} has one of {@code values}. */
    public Visibility or(String key, String... values) {
        if (isAlways()) {
            throw new IllegalStateException("always-visible already");
        }
        List<Visibility> more = new ArrayList<>(alternatives);
        more.add(when(key, values));
        return new Visibility(controllingKey, this.values, more);
    }

    public boolean isAlways() {
        return controllingKey == null;
    }

    /** Each condition on its own (this one first), each with one controlling key. */
    public List<Visibility> conditions() {
        if (isAlways()) {
            return List.of(this);
        }
        List<Visibility> all = new ArrayList<>();
        all.add(new Visibility(controllingKey, values));
        all.addAll(alternatives);
        return all;
    }

    /** The keys this setting's visibility depends on, in order. */
    public List<String> controllingKeys() {
        return isAlways() ? List.of() : conditions().stream().map(Visibility::controllingKey).toList();
    }

    boolean matches(String controllingValue) {
        return isAlways() || (controllingValue != null && values.contains(controllingValue));
    }

    /**
     * {@code "smtpAuth = password"}, {@code "pop3Auth in {password, apop}"} or
     * {@code "smtpAuth = oauth2 or pop3Auth = oauth2"}; empty for always.
     */
    public String describe() {
        if (isAlways()) {
            return "";
        }
        return String.join(" or ", conditions().stream().map(c -> c.values.size() == 1
                ? c.controllingKey + " = " + c.values.get(0)
                : c.controllingKey + " in {" + String.join(", ", c.values) + "}").toList());
    }
}
