package io.mailtrip.nagios;

import io.mailtrip.spi.DefaultValue;
import io.mailtrip.spi.EnumOption;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRule;
import io.mailtrip.spi.SettingType;
import io.mailtrip.spi.Visibility;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one description of a setting's option, rendered from its metadata: used by {@code --help} and
 * as the {@code description} of the Icinga 2 CheckCommand arguments, so both always say the same.
 */
final class SettingHelp {

    private SettingHelp() {
    }

    /** One paragraph: help, accepted values, default, when required, when used, environment, YAML key. */
    static String describe(SettingDescriptor setting) {
        List<String> parts = new ArrayList<>();
        parts.add(sentence(setting.help()));
        if (setting.type() == SettingType.ENUM) {
            parts.add("Values: " + setting.options().stream().map(SettingHelp::option)
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (setting.type() == SettingType.BOOLEAN) {
            parts.add("Give " + OptionNaming.longOption(setting.key()) + " or "
                    + "--no-" + OptionNaming.longOption(setting.key()).substring(2) + ".");
        }
        String range = setting.describeRange();
        if (!range.isEmpty()) {
            parts.add("Accepted: " + range + unitSuffix(setting) + ".");
        }
        for (SettingRule rule : setting.rules()) {
            parts.add("Rule: " + rule.describe() + ".");
        }
        String dflt = defaultText(setting);
        if (!dflt.isEmpty()) {
            parts.add("Default: " + dflt + ".");
        }
        if (setting.required() && dflt.isEmpty()) {
            parts.add("Required.");
        }
        String when = visibilityText(setting.visibility());
        if (!when.isEmpty()) {
            parts.add("Only used when " + when + ".");
        }
        if (setting.type() == SettingType.SECRET) {
            parts.add("Also read from the environment variable " + OptionNaming.environmentVariable(setting.key())
                    + " or a --config file; never printed.");
        }
        parts.add("YAML key: " + setting.key() + ".");
        return String.join(" ", parts);
    }

    private static String option(EnumOption option) {
        return option.value() + " (" + option.label() + ")";
    }

    private static String unitSuffix(SettingDescriptor setting) {
        return setting.unit().isEmpty() ? "" : " " + setting.unit();
    }

    /** The default in option terms: {@code 465 when --smtp-security is enforceTls or tlsIfAvailable, else 25}. */
    static String defaultText(SettingDescriptor setting) {
        DefaultValue dflt = setting.defaultValue();
        String text = dflt.describe();
        if (dflt instanceof DefaultValue.Derived derived) {
            text = text.replace(derived.fromKey() + " is", OptionNaming.longOption(derived.fromKey()) + " is")
                    .replace("the value of " + derived.fromKey(), "the value of " + OptionNaming.longOption(
                            derived.fromKey()));
        } else if (dflt instanceof DefaultValue.Fixed && !text.isEmpty()) {
            text += unitSuffix(setting);
        }
        return text;
    }

    /** {@code --smtp-auth=password} or {@code --pop3-auth is password or apop}; empty when always used. */
    static String visibilityText(Visibility visibility) {
        if (visibility.isAlways()) {
            return "";
        }
        return String.join(" or ", visibility.conditions().stream().map(condition -> {
            String option = OptionNaming.longOption(condition.controllingKey());
            List<String> values = condition.values();
            return values.size() == 1 ? option + "=" + values.get(0) : option + " is " + String.join(" or ", values);
        }).toList());
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() || stripped.endsWith(".") ? stripped : stripped + ".";
    }
}
