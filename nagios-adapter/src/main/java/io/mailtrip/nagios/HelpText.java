package io.mailtrip.nagios;

import io.mailtrip.host.PerfUnit;

import io.mailtrip.nagios.PluginOption.Kind;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.SettingSection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --help}: the plugin options of the guidelines, then every sensor setting by section with its
 * values, default and visibility rule, all rendered from the metadata ({@link SettingHelp}).
 */
final class HelpText {

    private HelpText() {
    }

    static String render(OptionTable table, String version) {
        SensorDescriptor descriptor = table.descriptor();
        List<String> out = new ArrayList<>();
        out.add(table.names().plugin() + " " + version + " (mailtrip sensor " + descriptor.id() + ")");
        // The sensor's name in the operator's language (the JVM's default locale, from LANG); the rest is English.
        out.addAll(TextWrap.wrap(descriptor.displayName(Locale.getDefault()) + ": runs the mailtrip sensor "
                + descriptor.id() + " once and reports its channels as perfdata, with thresholds.", 0));
        out.add("");
        out.add("Usage:");
        out.addAll(TextWrap.wrap(table.names().plugin() + " " + requiredOptions(table) + " [options]", 1));
        out.add(" " + table.names().plugin() + " --config FILE [--device NAME] [options]");
        out.add(" " + table.names().plugin() + " -h (or -V)");
        out.add("");
        out.add("Plugin options:");
        for (PluginOption option : table.options()) {
            if (option.setting() == null) {
                entry(out, option, pluginHelp(option, table));
            }
        }
        out.add("");
        out.add("Thresholds:");
        out.addAll(TextWrap.wrap("RANGE is [@][start:][end]: 10 alerts outside 0..10, 10: below 10, ~:10 above"
                + " 10, 10:20 outside 10..20, @10:20 inside 10..20 (ends inclusive). Times are in seconds;"
                + " append ms for milliseconds (-w 1500ms). Critical is evaluated first; thresholds can only"
                + " raise the state the round trip gave.", 4));
        out.add("");
        out.add("Channels (perfdata labels):");
        for (ChannelDescriptor channel : descriptor.channels()) {
            PerfUnit unit = PerfUnit.forChannel(channel.unit());
            out.addAll(TextWrap.wrap(channel.key() + " (" + unit.symbol() + "): " + channel.label() + ", "
                    + channel.help() + (OptionTable.thresholdChannels(descriptor).contains(channel) ? ""
                    : "; always U here: a single run has no history") + ".", 1));
        }
        List<SettingDescriptor> offered = OptionTable.offered(descriptor);
        for (SettingSection section : descriptor.sections()) {
            if (section.settings().stream().noneMatch(offered::contains)) {
                continue;
            }
            out.add("");
            out.add(section.label() + " (section " + section.key() + "):");
            for (SettingDescriptor setting : section.settings()) {
                table.options().stream().filter(o -> o.setting() == setting && o.kind() == Kind.SETTING)
                        .forEach(o -> entry(out, o, SettingHelp.describe(setting)));
                table.options().stream().filter(o -> o.setting() == setting && o.kind() == Kind.SETTING_CHOICE)
                        .forEach(o -> entry(out, o, "The same as " + o.longName().replace("--use-", "--"
                                + OptionNaming.longOption(setting.key()).substring(2) + "=") + "."));
            }
        }
        out.add("");
        out.add("Exit codes:");
        out.addAll(TextWrap.wrap("0 OK: the sensor reported UP within the thresholds. 1 WARNING: a warning"
                + " threshold broke. 2 CRITICAL: the sensor reported DOWN (its message says which step failed)"
                + " or a critical threshold broke. 3 UNKNOWN: bad option"
                + " or setting, the plugin's own -t deadline (see --timeout-state), --help and --version.", 1));
        out.add("");
        out.add("Secrets:");
        out.addAll(TextWrap.wrap("Keep passwords out of NRPE and Nagios command lines: set the environment"
                + " variables named above, or put them in a --config file (YAML, the keys shown after each"
                + " option), readable only by the user the plugin runs as. Any value may be written as"
                + " ${env:NAME}, a secret also as ${file:/path} (at most 64 KiB). Precedence: command line,"
                + " environment, file (device, group, defaults), default.", 1));
        return String.join("\n", out) + "\n";
    }

    private static String requiredOptions(OptionTable table) {
        List<String> parts = new ArrayList<>();
        for (SettingDescriptor setting : table.descriptor().settings()) {
            if (setting.required() && setting.visibility().isAlways()
                    && setting.defaultValue().describe().isEmpty()) {
                PluginOption option = table.find(OptionNaming.longOption(setting.key())).orElseThrow();
                String name = option.shortName() != null ? option.shortName() : option.longName();
                parts.add(name + " " + option.valueLabel());
            }
        }
        return String.join(" ", parts);
    }

    private static void entry(List<String> out, PluginOption option, String description) {
        String value = option.takesValue() ? "=" + option.valueLabel() : option.isFlag() ? "[=true or false]" : "";
        out.add(" " + option.names() + value);
        out.addAll(TextWrap.wrap(description, 4));
    }

    private static String pluginHelp(PluginOption option, OptionTable table) {
        return switch (option.kind()) {
            case HELP -> "Print this help and exit with UNKNOWN (3).";
            case VERSION -> "Print the version and exit with UNKNOWN (3).";
            case VERBOSE -> "More output below the first line (repeatable): -v adds the channels and notes,"
                    + " -vv the protocol trace (credentials redacted), -vvv the effective settings (secrets"
                    + " masked).";
            case TIMEOUT -> "Overall deadline of the plugin in seconds, also the deadline of the round trip."
                    + " Default " + Invocation.DEFAULT_TIMEOUT.toSeconds() + ": below NRPE's command_timeout"
                    + " (60) and Icinga's CheckCommand timeout (1m). Raise check_nrpe's own -t (10 by default)"
                    + " above it, e.g. check_nrpe -t 60. Keep the maximum trip time below it, or a late probe is"
                    + " reported as a timeout instead of CRITICAL.";
            case TIMEOUT_STATE -> "State when -t expires: ok, warning, critical, unknown or 0 to 3. Default "
                    + Invocation.DEFAULT_TIMEOUT_STATE.name().toLowerCase(Locale.ROOT) + ".";
            case WARNING, CRITICAL -> thresholdHelp(option, table);
            case DAYS_LEFT -> daysLeftHelp(option, table);
            case CONFIG -> "YAML file of settings: a map of the YAML keys shown below to values"
                    + " (" + table.firstSettingKey() + ": ...), or the runner's file with sections defaults, groups"
                    + " and devices (see --device; with it, this sensor's entry for the device in its sensors"
                    + " section applies first). Options and environment variables win over it.";
            case DEVICE -> "Device of the --config file to check: its settings apply, then its group's, then"
                    + " the file's defaults; its host is the default of " + targetHostOption(table) + ". Without"
                    + " --device, only the defaults of such a file apply.";
            case SETTING, SETTING_OFF, SETTING_CHOICE -> throw new IllegalStateException("not a plugin option: "
                    + option);
        };
    }

    private static String targetHostOption(OptionTable table) {
        return table.descriptor().settingFor(SettingRole.TARGET_HOST)
                .map(s -> "-H/" + OptionNaming.longOption(s.key())).orElse("the host checked");
    }

    static String daysLeftHelp(PluginOption option, OptionTable table) {
        ChannelDescriptor channel = table.descriptor().channels().stream()
                .filter(c -> c.key().equals(option.channelKey())).findFirst().orElseThrow();
        return "WARNING when " + channel.label() + " (" + channel.key() + ") is below WARN days, CRITICAL below CRIT"
                + " (like check_smtp -D; the same as " + table.thresholdOption(Kind.WARNING, channel.key()) + " WARN: "
                + table.thresholdOption(Kind.CRITICAL, channel.key()) + " CRIT:). Not measured, so never alerting,"
                + " when the run made no TLS handshake.";
    }

    private static String thresholdHelp(PluginOption option, OptionTable table) {
        String level = option.kind() == Kind.CRITICAL ? "Critical" : "Warning";
        if (option.channelKey() == null) {
            String primary = table.descriptor().settingFor(SettingRole.PRIMARY_CHANNEL)
                    .map(s -> table.optionFor(s.key()) + ", default " + SettingHelp.defaultText(s))
                    .orElse("the first channel");
            return level + " RANGE for the primary channel (" + primary + "), which also leads the first line"
                    + " of output. A channel option such as "
                    + table.thresholdOption(option.kind(), table.descriptor().channels().get(0).key())
                    + " wins over it for its channel.";
        }
        ChannelDescriptor channel = table.descriptor().channels().stream()
                .filter(c -> c.key().equals(option.channelKey())).findFirst().orElseThrow();
        return level + " RANGE for " + channel.label() + " (" + channel.key() + "), in "
                + PerfUnit.forChannel(channel.unit()).describeNumbers() + ".";
    }
}
