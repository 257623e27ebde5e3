package io.mailtrip.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a flat {@code key -> text} map into typed {@link Settings}, collecting every problem. Blank
 * values count as unset, so an empty form field means "use the default".
 */
final class SettingsBinder {

    private static final int ECHO_LIMIT = 60;

    private final SensorDescriptor descriptor;
    private final Map<String, String> given = new LinkedHashMap<>();
    private final Map<String, String> effective = new HashMap<>();
    private final List<ConfigurationProblem> problems = new ArrayList<>();

    SettingsBinder(SensorDescriptor descriptor, Map<String, String> raw) {
        this.descriptor = descriptor;
        raw.forEach((key, value) -> {
            if (value != null && !trimSpaces(value).isEmpty()) {
                SettingType type = descriptor.setting(key).map(SettingDescriptor::type).orElse(SettingType.STRING);
                // Secrets are taken as typed: a password may start or end with a space. Only spaces are
                // trimmed elsewhere: a trailing CR or LF is an injection attempt to report, not to hide.
                given.put(key, type == SettingType.SECRET ? value : trimSpaces(value));
            }
        });
    }

    Settings bind() {
        for (String key : given.keySet()) {
            if (descriptor.setting(key).isEmpty()) {
                problems.add(new ConfigurationProblem(key, "unknown setting of sensor " + descriptor.id()
                        + " (known: " + String.join(", ", descriptor.settings().stream()
                        .map(SettingDescriptor::key).toList()) + ")"));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        List<String> invisible = new ArrayList<>();
        for (SettingDescriptor setting : descriptor.settings()) {
            String key = setting.key();
            if (!visible(setting)) {
                invisible.add(key);
                if (given.containsKey(key)) {
                    ignored.add(key);
                }
                continue;
            }
            String text = effectiveText(setting);
            if (text == null) {
                if (setting.required()) {
                    String when = setting.visibility().isAlways() ? "" : " when " + setting.visibility().describe();
                    problems.add(new ConfigurationProblem(key, "is required" + when + " (" + expected(setting) + ")"));
                }
                continue;
            }
            boolean fromUser = given.containsKey(key);
            parse(setting, text, fromUser).ifPresent(v -> values.put(key, v));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new Settings(descriptor, values, ignored, invisible);
    }

    private boolean visible(SettingDescriptor setting) {
        Visibility visibility = setting.visibility();
        if (visibility.isAlways()) {
            return true;
        }
        for (Visibility condition : visibility.conditions()) {
            SettingDescriptor controlling = descriptor.setting(condition.controllingKey()).orElseThrow();
            if (visible(controlling) && condition.matches(effectiveText(controlling))) {
                return true;
            }
        }
        return false;
    }

    private String effectiveText(SettingDescriptor setting) {
        String key = setting.key();
        if (given.containsKey(key)) {
            return given.get(key);
        }
        if (effective.containsKey(key)) {
            return effective.get(key);
        }
        // Not computeIfAbsent: a derived default resolves the setting it depends on first (recursion).
        DefaultValue dflt = setting.defaultValue();
        String value;
        if (dflt instanceof DefaultValue.Derived derived) {
            value = derived.derive(effectiveText(descriptor.setting(derived.fromKey()).orElseThrow()));
        } else {
            value = dflt.resolve(Map.of());
        }
        effective.put(key, value);
        return value;
    }

    /** Parses and checks one value; user input is checked fully, defaults only for their type. */
    private Optional<Object> parse(SettingDescriptor setting, String text, boolean fromUser) {
        String key = setting.key();
        int before = problems.size();
        if (fromUser && hasControlCharacters(text)) {
            // CR/LF in a header or command would let a value inject protocol lines.
            return Optional.ofNullable(fail(key, "must not contain control characters (CR, LF, NUL, TAB...)"));
        }
        Object value = switch (setting.type()) {
            case INTEGER -> parseInteger(setting, text);
            case BOOLEAN -> parseBoolean(setting, text);
            case ENUM -> setting.optionValues().contains(text) ? text : fail(key, echo(setting, text)
                    + " is not one of " + String.join(", ", setting.optionValues()));
            case EMAIL -> ValueSyntax.isEmailAddress(text) || !fromUser ? text : fail(key, echo(setting, text)
                    + " is not exactly one e-mail address (like probe@example.org)");
            case HOST -> ValueSyntax.isHost(text) || !fromUser ? text : fail(key, echo(setting, text)
                    + " is not a host name, IPv4 or IPv6 address");
            case LIST -> List.copyOf(Arrays.asList(text.split("[\\s,]+")));
            case SECRET -> new Secret(text);
            case STRING, PATH -> text;
        };
        if (fromUser && problems.size() == before) {
            for (SettingRule rule : setting.rules()) {
                rule.violation(text).ifPresent(why -> problems.add(new ConfigurationProblem(key, why)));
            }
        }
        return problems.size() == before ? Optional.ofNullable(value) : Optional.empty();
    }

    private static String trimSpaces(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private Object parseInteger(SettingDescriptor setting, String text) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            String range = setting.describeRange();
            return fail(setting.key(), echo(setting, text) + " is not a whole number"
                    + (range.isEmpty() ? "" : " (accepted: " + range + ")"));
        }
        boolean belowMin = setting.min() != null && value < setting.min();
        boolean aboveMax = setting.max() != null && value > setting.max();
        if (belowMin || aboveMax) {
            String range = setting.describeRange();
            return fail(setting.key(), value + " is not " + (range.startsWith("at ") ? range : "in " + range));
        }
        return value;
    }

    private Object parseBoolean(SettingDescriptor setting, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> fail(setting.key(), echo(setting, text) + " is not true or false");
        };
    }

    private Object fail(String key, String message) {
        problems.add(new ConfigurationProblem(key, message));
        return null;
    }

    private static String expected(SettingDescriptor setting) {
        return switch (setting.type()) {
            case EMAIL -> "one e-mail address";
            case HOST -> "a host name or IP address";
            case INTEGER -> setting.describeRange().isEmpty() ? "a whole number" : setting.describeRange();
            case ENUM -> "one of " + String.join(", ", setting.optionValues());
            default -> setting.type().name().toLowerCase(Locale.ROOT);
        };
    }

    /** The value quoted for a message: control characters escaped, long values cut, secrets never. */
    static String echo(SettingDescriptor setting, String text) {
        if (setting.type() == SettingType.SECRET) {
            return "the value";
        }
        StringBuilder out = new StringBuilder("'");
        text.codePoints().limit(ECHO_LIMIT).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > ECHO_LIMIT) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
