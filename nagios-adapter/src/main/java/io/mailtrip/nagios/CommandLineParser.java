package io.mailtrip.nagios;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.nagios.Invocation.ThresholdOption;
import io.mailtrip.nagios.PluginOption.Kind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the arguments the getopt way the Monitoring Plugins do: {@code --opt value}, {@code --opt=value},
 * {@code -t 10}, {@code -t10}, clustered flags {@code -vvv}; no positional arguments. {@code -h} and
 * {@code -V} win over everything else, even over bad options (guidelines, 02.Input).
 */
final class CommandLineParser {

    private final OptionTable table;

    CommandLineParser(OptionTable table) {
        this.table = table;
    }

    /** @throws ConfigurationException naming the option and the rule it breaks */
    Invocation parse(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                return new Invocation(true, false, 0, Invocation.DEFAULT_TIMEOUT, Invocation.DEFAULT_TIMEOUT_STATE,
                        List.of(), Map.of(), null, null);
            }
        }
        for (String arg : args) {
            if (arg.equals("-V") || arg.equals("--version")) {
                return new Invocation(false, true, 0, Invocation.DEFAULT_TIMEOUT, Invocation.DEFAULT_TIMEOUT_STATE,
                        List.of(), Map.of(), null, null);
            }
        }
        Builder builder = new Builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                PluginOption option = table.find(name).orElseThrow(() -> new ConfigurationException(name,
                        "unknown option (see --help)"));
                String value;
                if (eq >= 0) {
                    if (!option.takesValue() && !option.isFlag()) {
                        throw new ConfigurationException(name, "takes no value");
                    }
                    value = arg.substring(eq + 1);
                } else if (option.takesValue()) {
                    value = next(args, ++i, option, name);
                } else {
                    value = null;
                }
                builder.apply(option, name, value);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                i = shortOptions(args, i, builder);
            } else {
                throw new ConfigurationException(arg.isEmpty() ? "''" : "'" + arg + "'",
                        "unexpected argument (this plugin takes options only; see --help)");
            }
        }
        return builder.build();
    }

    /** A cluster such as {@code -vvv}, {@code -t10} or {@code -H host}; returns the last index used. */
    private int shortOptions(String[] args, int index, Builder builder) {
        String arg = args[index];
        for (int j = 1; j < arg.length(); j++) {
            String name = "-" + arg.charAt(j);
            PluginOption option = table.find(name).orElseThrow(() -> new ConfigurationException(name,
                    "unknown option (see --help)"));
            if (option.takesValue()) {
                String rest = arg.substring(j + 1);
                String value = rest.isEmpty() ? next(args, ++index, option, name) : rest;
                builder.apply(option, name, value);
                return index;
            }
            builder.apply(option, name, null);
        }
        return index;
    }

    private static String next(String[] args, int index, PluginOption option, String name) {
        if (index >= args.length) {
            throw new ConfigurationException(name, "needs a value (" + option.valueLabel() + ")");
        }
        return args[index];
    }

    /** Collects options as they come; the last value of a repeated option wins. */
    private static final class Builder {
        private int verbosity;
        private Duration timeout = Invocation.DEFAULT_TIMEOUT;
        private PluginState timeoutState = Invocation.DEFAULT_TIMEOUT_STATE;
        private final List<ThresholdOption> thresholds = new ArrayList<>();
        private final Map<String, SourcedValue> settings = new LinkedHashMap<>();
        private Path configFile;
        private String device;

        void apply(PluginOption option, String name, String value) {
            switch (option.kind()) {
                case VERBOSE -> verbosity++;
                case TIMEOUT -> timeout = timeout(name, value);
                case TIMEOUT_STATE -> timeoutState = PluginState.parse(value).orElseThrow(() -> new ConfigurationException(
                        name, "'" + value + "' is not one of ok, warning, critical, unknown, 0, 1, 2, 3"));
                case WARNING, CRITICAL -> thresholds.add(new ThresholdOption(name, option.kind() == Kind.CRITICAL,
                        option.channelKey(), value));
                case DAYS_LEFT -> daysLeft(name, option.channelKey(), value);
                case CONFIG -> configFile = Path.of(value);
                case DEVICE -> device = value;
                case SETTING -> settings.put(option.setting().key(),
                        new SourcedValue(value == null ? "true" : value, option.longName()));
                case SETTING_OFF -> settings.put(option.setting().key(), new SourcedValue("false", name));
                case SETTING_CHOICE -> settings.put(option.setting().key(), new SourcedValue(option.choice(), name));
                case HELP, VERSION -> throw new IllegalStateException("handled before parsing: " + name);
            }
        }

        /** {@code 30,14}: WARNING below 30 days, CRITICAL below 14 ({@code 30:} and {@code 14:} as ranges). */
        private void daysLeft(String name, String channelKey, String value) {
            String[] parts = value.split(",", -1);
            if (parts.length > 2 || !parts[0].strip().matches("[0-9]{1,5}")
                    || parts.length == 2 && !parts[1].strip().matches("[0-9]{1,5}")) {
                throw new ConfigurationException(name, "'" + value + "' is not WARN[,CRIT] in whole days (30 or 30,14)");
            }
            thresholds.add(new ThresholdOption(name, false, channelKey, parts[0].strip() + ":"));
            if (parts.length == 2) {
                thresholds.add(new ThresholdOption(name, true, channelKey, parts[1].strip() + ":"));
            }
        }

        private static Duration timeout(String name, String value) {
            String rule = "'" + value + "' is not a whole number of seconds in 1.." + Invocation.MAX_TIMEOUT_SECONDS;
            try {
                long seconds = Long.parseLong(value.strip());
                if (seconds < 1 || seconds > Invocation.MAX_TIMEOUT_SECONDS) {
                    throw new ConfigurationException(name, rule);
                }
                return Duration.ofSeconds(seconds);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(name, rule);
            }
        }

        Invocation build() {
            if (device != null && configFile == null) {
                throw new ConfigurationException("--device", "needs --config FILE: the devices are defined in that file");
            }
            return new Invocation(false, false, verbosity, timeout, timeoutState, thresholds, settings, configFile,
                    device);
        }
    }
}
