package io.mailtrip.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a host needs to render, bind and check one setting. Declared once by the sensor; CLI
 * options, forms, help files and README tables are generated from it.
 *
 * @param key          stable key ({@code smtpPort}); part of the public interface
 * @param type         value type
 * @param section      key of the section it belongs to
 * @param label        short human label
 * @param help         one or two sentences of help
 * @param defaultValue the default (possibly derived from another setting)
 * @param required     must be set when visible (and has no default)
 * @param min          smallest accepted integer, or {@code null}
 * @param max          largest accepted integer, or {@code null}
 * @param unit         unit of an integer ({@code s}), or empty
 * @param options      accepted values of an enum, in display order
 * @param rules        extra rules beyond the type
 * @param visibility   when the setting applies
 * @param role         what hosts may do with it beyond passing it on
 */
public record SettingDescriptor(String key, SettingType type, String section, String label, String help,
                                DefaultValue defaultValue, boolean required, Long min, Long max, String unit,
                                List<EnumOption> options, List<SettingRule> rules, Visibility visibility,
                                SettingRole role) {

    public SettingDescriptor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        options = List.copyOf(options);
        rules = List.copyOf(rules);
        if (type == SettingType.ENUM && options.isEmpty()) {
            throw new IllegalArgumentException(key + ": an enum setting needs options");
        }
    }

    public static Builder builder(String key, SettingType type) {
        return new Builder(key, type);
    }

    /** The accepted enum values, in order. */
    public List<String> optionValues() {
        return options.stream().map(EnumOption::value).toList();
    }

    /** {@code "1..65535"}, {@code "at least 1"} or empty. */
    public String describeRange() {
        if (min != null && max != null) {
            return min + ".." + max;
        }
        if (min != null) {
            return "at least " + min;
        }
        return max != null ? "at most " + max : "";
    }

    /** Builder: a record with this many parts reads better named. */
    public static final class Builder {
        private final String key;
        private final SettingType type;
        private String section = "";
        private String label = "";
        private String help = "";
        private DefaultValue defaultValue = DefaultValue.none();
        private boolean required;
        private Long min;
        private Long max;
        private String unit = "";
        private final List<EnumOption> options = new ArrayList<>();
        private final List<SettingRule> rules = new ArrayList<>();
        private Visibility visibility = Visibility.always();
        private SettingRole role = SettingRole.NONE;

        private Builder(String key, SettingType type) {
            this.key = key;
            this.type = type;
        }

        public Builder section(String section) {
            this.section = section;
            return this;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder help(String help) {
            this.help = help;
            return this;
        }

        public Builder defaultValue(String value) {
            this.defaultValue = DefaultValue.of(value);
            return this;
        }

        public Builder defaultValue(DefaultValue value) {
            this.defaultValue = value;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder range(long min, long max) {
            this.min = min;
            this.max = max;
            return this;
        }

        public Builder atLeast(long min) {
            this.min = min;
            return this;
        }

        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        public Builder option(String value, String label) {
            options.add(new EnumOption(value, label));
            return this;
        }

        public Builder rule(SettingRule rule) {
            rules.add(rule);
            return this;
        }

        public Builder visibleWhen(String controllingKey, String... values) {
            this.visibility = Visibility.when(controllingKey, values);
            return this;
        }

        /** Visible under {@code visibility}, for rules with alternatives ({@link Visibility#or}). */
        public Builder visibleWhen(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        public Builder role(SettingRole role) {
            this.role = role;
            return this;
        }

        public SettingDescriptor build() {
            return new SettingDescriptor(key, type, section, label, help, defaultValue, required, min, max, unit,
                    options, rules, visibility, role);
        }
    }
}
