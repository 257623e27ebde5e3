package io.mailtrip.spi;

import java.util.List;

/**
 * When a setting applies. An invisible setting is neither required nor validated, and its value is
 * ignored. A setting is visible when its controlling setting is visible and has one of the values.
 *
 * @param controllingKey the setting this one depends on, or {@code null} for "always"
 * @param values         the values of the controlling setting that make this one visible
 */
public record Visibility(String controllingKey, List<String> values) {

    private static final Visibility ALWAYS = new Visibility(null, List.of());

    public Visibility {
        values = List.copyOf(values);
    }

    public static Visibility always() {
        return ALWAYS;
    }

    /** Visible when {@code key} has one of {@code values}. */
    public static Visibility when(String key, String... values) {
        return new Visibility(key, List.of(values));
    }

    public boolean isAlways() {
        return controllingKey == null;
    }

    boolean matches(String controllingValue) {
        return isAlways() || (controllingValue != null && values.contains(controllingValue));
    }

    /** {@code "smtpAuth = password"} or {@code "pop3Auth in {password, apop}"}; empty for always. */
    public String describe() {
        if (isAlways()) {
            return "";
        }
        return values.size() == 1 ? controllingKey + " = " + values.get(0)
                : controllingKey + " in {" + String.join(", ", values) + "}";
    }
}
