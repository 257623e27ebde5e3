package io.mailtrip.jenkins.core;

import io.mailtrip.spi.EnumOption;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRule;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the help of a form field from the metadata: help text, default, range, options, rules, when it
 * is required, when it applies and what an empty field inherits; {@link HelpPages} serves it. A help page
 * is a well-formed XHTML fragment (one {@code div}), so it can be parsed and checked like the Jelly.
 */
public final class HelpFileRenderer {

    public String render(FormModel model, FormField field) {
        List<String> paragraphs = new ArrayList<>();
        boolean defaults = model.scope() == FormScope.DEFAULTS;
        if (defaults) {
            paragraphs.add("Global default: used by every sensor instance that leaves this field empty.");
        }
        switch (field.kind()) {
            case INSTANCE_ID -> paragraphs.add("Names this sensor instance on the status page, in its history and in"
                    + " messages. " + FormBinding.INSTANCE_ID_RULE + "; unique among the configured sensors.");
            case CREDENTIALS -> credentials(model, field.pair().orElseThrow(), defaults, paragraphs);
            case SENSOR_ID -> paragraphs.add("The sensor this form configures: " + model.descriptor().id() + ".");
            default -> setting(field.setting().orElseThrow(), defaults, paragraphs);
        }
        return "<div>\n" + paragraphs.stream().map(p -> "  <p>" + XmlText.escape(p) + "</p>\n")
                .collect(Collectors.joining()) + "</div>\n";
    }

    private static void setting(SettingDescriptor setting, boolean defaults, List<String> paragraphs) {
        paragraphs.add(setting.help());
        String dflt = setting.defaultValue().describe();
        if (defaults) {
            if (!dflt.isEmpty()) {
                paragraphs.add("Default: " + dflt + ". Leave the field empty to use it.");
            }
        } else {
            paragraphs.add(dflt.isEmpty() ? "Leave the field empty to use the global default."
                    : "Default: " + dflt + ". Leave the field empty to use the global default, or this default"
                    + " when there is none.");
        }
        String range = setting.describeRange();
        if (!range.isEmpty()) {
            paragraphs.add("Accepted: " + range + (setting.unit().isEmpty() ? "" : " " + setting.unit()) + ".");
        }
        if (!setting.options().isEmpty()) {
            paragraphs.add("Options: " + setting.options().stream().map(HelpFileRenderer::option)
                    .collect(Collectors.joining("; ")) + ".");
        }
        if (!setting.rules().isEmpty()) {
            paragraphs.add("Rules: " + setting.rules().stream().map(SettingRule::describe)
                    .collect(Collectors.joining(", ")) + ".");
        }
        applies(setting, defaults, paragraphs);
        paragraphs.add("Setting key: " + setting.key() + " (the same key in the runner's YAML file).");
    }

    private static void credentials(FormModel model, CredentialPair pair, boolean defaults,
                                    List<String> paragraphs) {
        SettingDescriptor user = model.descriptor().setting(pair.userKey()).orElseThrow();
        SettingDescriptor password = model.descriptor().setting(pair.passwordKey()).orElseThrow();
        paragraphs.add("A username with password credential. Its user name is used as " + user.key() + ": "
                + user.help());
        paragraphs.add("Its password is used as " + password.key() + ": " + password.help());
        if (!defaults) {
            paragraphs.add("Leave the field empty to use the global default.");
        }
        applies(user, defaults, paragraphs);
    }

    private static void applies(SettingDescriptor setting, boolean defaults, List<String> paragraphs) {
        String rule = setting.visibility().describe();
        if (setting.required()) {
            String when = rule.isEmpty() ? "" : " when " + rule;
            paragraphs.add(defaults ? "Every sensor instance needs a value" + when + ": set it here or on each"
                    + " instance." : "Required" + when + ", here or in the global defaults.");
        }
        if (!rule.isEmpty()) {
            paragraphs.add("Applies only when " + rule + "; otherwise its value is ignored.");
        }
    }

    private static String option(EnumOption option) {
        return option.value() + " (" + option.label() + ")";
    }
}
