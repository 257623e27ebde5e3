package io.mailtrip.sensor.smtppop3.testkit;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.EnumOption;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRule;
import io.mailtrip.spi.SettingSection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a descriptor's settings and channels as the Markdown tables of the README. */
public final class SettingsReference {

    private SettingsReference() {
    }

    public static String settingsTable(SensorDescriptor descriptor) {
        StringBuilder out = new StringBuilder();
        out.append("| section | key | type / rule | default | required | visible when | description |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (SettingSection section : descriptor.sections()) {
            for (SettingDescriptor setting : section.settings()) {
                out.append("| ").append(section.key())
                        .append(" | `").append(setting.key()).append('`')
                        .append(" | ").append(escape(typeAndRules(setting)))
                        .append(" | ").append(escape(setting.defaultValue().describe()))
                        .append(" | ").append(setting.required() ? "yes" : "")
                        .append(" | ").append(escape(setting.visibility().describe()))
                        .append(" | ").append(escape(setting.help()))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    public static String channelsTable(SensorDescriptor descriptor) {
        StringBuilder out = new StringBuilder("| channel | unit | definition |\n|---|---|---|\n");
        for (ChannelDescriptor channel : descriptor.channels()) {
            out.append("| `").append(channel.key()).append("` (").append(channel.label()).append(") | ")
                    .append(channel.unit()).append(" | ").append(escape(channel.help())).append(" |\n");
        }
        return out.toString();
    }

    private static String typeAndRules(SettingDescriptor setting) {
        List<String> parts = new ArrayList<>();
        parts.add(switch (setting.type()) {
            case EMAIL -> "one e-mail address";
            case HOST -> "host name, IPv4 or IPv6";
            case SECRET -> "secret";
            case ENUM -> setting.options().stream().map(EnumOption::value).map(v -> "`" + v + "`")
                    .collect(Collectors.joining(" | "));
            default -> setting.type().name().toLowerCase(Locale.ROOT);
        });
        if (!setting.describeRange().isEmpty()) {
            parts.add(setting.describeRange() + (setting.unit().isEmpty() ? "" : " " + setting.unit()));
        } else if (!setting.unit().isEmpty()) {
            parts.add(setting.unit());
        }
        setting.rules().stream().map(SettingRule::describe).forEach(parts::add);
        return String.join(", ", parts);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    /**
     * {@code readme} with the text between {@code <!-- generated:NAME:begin -->} and its end marker replaced
     * by {@code table}; every sensor's README tables test uses it.
     */
    public static String replaceGenerated(String readme, String name, String table) {
        String begin = "<!-- generated:" + name + ":begin -->\n";
        String end = "<!-- generated:" + name + ":end -->";
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError("README markers " + begin.strip() + " ... " + end + " missing");
        }
        return readme.substring(0, from + begin.length()) + table + readme.substring(to);
    }
}
