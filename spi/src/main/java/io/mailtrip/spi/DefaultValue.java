package io.mailtrip.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The default of a setting, as data so that every host can show it: none, a fixed value, a value
 * derived from another setting ({@link Derived}: the port follows the TLS mode, the POP3 host is the
 * SMTP host, the POP3 login is {@code password} once a user is given), or one computed on this machine
 * (the local host name).
 */
public sealed interface DefaultValue {

    /** The default under the given effective values of the other settings; {@code null} for none. */
    String resolve(Map<String, String> effectiveValues);

    /** Human form ("465 when smtpSecurity is enforceTls or tlsIfAvailable, else 25"); empty for none. */
    String describe();

    static DefaultValue none() {
        return None.INSTANCE;
    }

    static DefaultValue of(String value) {
        return new Fixed(value);
    }

    /** No default. */
    enum None implements DefaultValue {
        INSTANCE;

        @Override
        public String resolve(Map<String, String> effectiveValues) {
            return null;
        }

        @Override
        public String describe() {
            return "";
        }
    }

    /** A constant. */
    record Fixed(String value) implements DefaultValue {
        @Override
        public String resolve(Map<String, String> effectiveValues) {
            return value;
        }

        @Override
        public String describe() {
            return value;
        }
    }

    /** A default derived from the effective value of one other setting. */
    sealed interface Derived extends DefaultValue {

        /** The setting it is derived from. */
        String fromKey();

        /** The default when {@code fromKey}'s effective value is {@code fromValue} ({@code null}: none). */
        String derive(String fromValue);

        @Override
        default String resolve(Map<String, String> effectiveValues) {
            return derive(effectiveValues.get(fromKey()));
        }
    }

    /**
     * The other setting's value itself: the POP3 host is the SMTP host unless given.
     *
     * @param fromKey the setting whose value it takes
     */
    record SameAs(String fromKey) implements Derived {
        @Override
        public String derive(String fromValue) {
            return fromValue;
        }

        @Override
        public String describe() {
            return "the value of " + fromKey;
        }
    }

    /**
     * One value when the other setting has a value, another when it has none: {@code pop3Auth} is
     * {@code password} once {@code pop3User} is given, else {@code none}.
     *
     * @param fromKey   the setting whose presence decides
     * @param whenSet   the default when it has a value
     * @param otherwise the default when it has none
     */
    record WhenSet(String fromKey, String whenSet, String otherwise) implements Derived {
        @Override
        public String derive(String fromValue) {
            return fromValue == null || fromValue.isBlank() ? otherwise : whenSet;
        }

        @Override
        public String describe() {
            return whenSet + " when " + fromKey + " is set, else " + otherwise;
        }
    }

    /**
     * A default chosen by the value of another setting.
     *
     * @param fromKey   the setting it depends on
     * @param byValue   default per value of {@code fromKey}
     * @param otherwise default for every other value
     */
    record DependsOn(String fromKey, Map<String, String> byValue, String otherwise) implements Derived {

        public DependsOn {
            byValue = new LinkedHashMap<>(byValue);
        }

        @Override
        public Map<String, String> byValue() {
            return Collections.unmodifiableMap(byValue);
        }

        @Override
        public String derive(String fromValue) {
            return fromValue == null ? otherwise : byValue.getOrDefault(fromValue, otherwise);
        }

        @Override
        public String describe() {
            Map<String, String> keysByDefault = new LinkedHashMap<>();
            byValue.forEach((value, dflt) -> keysByDefault.merge(dflt, value, (a, b) -> a + " or " + b));
            return keysByDefault.entrySet().stream()
                    .map(e -> e.getKey() + " when " + fromKey + " is " + e.getValue())
                    .collect(Collectors.joining(", ")) + ", else " + otherwise;
        }
    }

    /**
     * A default found on the machine that runs the sensor.
     *
     * @param description what it is ("the local host name")
     * @param supplier    computes it when needed
     */
    record Computed(String description, Supplier<String> supplier) implements DefaultValue {
        @Override
        public String resolve(Map<String, String> effectiveValues) {
            return supplier.get();
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
