package io.mailtrip.nagios;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.SettingType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mailtrip.nagios.PluginOption.Kind;

/**
 * Every option of the plugin: the reserved ones of the Monitoring Plugins guidelines, one threshold
 * pair per channel, and one option per setting of the sensor, generated from its metadata.
 */
final class OptionTable {

    /** Roles of settings that only a host that schedules, tags or draws uses; a one-shot check does not offer them. */
    private static final Set<SettingRole> HOST_ONLY = EnumSet.of(SettingRole.INTERVAL, SettingRole.TAGS,
            SettingRole.GRAPH_TYPE, SettingRole.STACK_UNIT);

    /** The channel unit of a count-down in days ({@code certificate}: days until the earliest expiry). */
    static final String DAYS = "d";

    private final SensorDescriptor descriptor;
    private final PluginNames names;
    private final List<PluginOption> options = new ArrayList<>();
    private final Map<String, PluginOption> byName = new LinkedHashMap<>();

    private OptionTable(SensorDescriptor descriptor) {
        this.descriptor = descriptor;
        this.names = PluginNames.of(descriptor);
    }

    static OptionTable of(SensorDescriptor descriptor) {
        OptionTable table = new OptionTable(descriptor);
        table.add(PluginOption.plugin("--help", "-h", Kind.HELP, ""));
        table.add(PluginOption.plugin("--version", "-V", Kind.VERSION, ""));
        table.add(PluginOption.plugin("--verbose", "-v", Kind.VERBOSE, ""));
        table.add(PluginOption.plugin("--timeout", "-t", Kind.TIMEOUT, "SECONDS"));
        table.add(PluginOption.plugin("--timeout-state", null, Kind.TIMEOUT_STATE, "STATE"));
        table.add(PluginOption.plugin("--warning", "-w", Kind.WARNING, "RANGE"));
        table.add(PluginOption.plugin("--critical", "-c", Kind.CRITICAL, "RANGE"));
        for (ChannelDescriptor channel : thresholdChannels(descriptor)) {
            table.add(new PluginOption("--warning-" + channel.key(), null, Kind.WARNING, null, channel.key(), "RANGE"));
            table.add(new PluginOption("--critical-" + channel.key(), null, Kind.CRITICAL, null, channel.key(),
                    "RANGE"));
            if (channel.unit().equals(DAYS)) {
                // Like check_smtp -D: a channel counting days down to an event gets WARN[,CRIT] lower bounds.
                table.add(new PluginOption("--" + channel.key() + "-days", null, Kind.DAYS_LEFT, null, channel.key(),
                        "WARN[,CRIT]"));
            }
        }
        table.add(PluginOption.plugin("--config", null, Kind.CONFIG, "FILE"));
        table.add(PluginOption.plugin("--device", null, Kind.DEVICE, "NAME"));
        for (SettingDescriptor setting : offered(descriptor)) {
            // The guidelines reserve -H for the host checked: the sensor's target host, whatever its key.
            // So is -p for its port (check_smtp -p).
            String shortName = setting.role() == SettingRole.TARGET_HOST ? "-H"
                    : setting.role() == SettingRole.TARGET_PORT ? "-p" : null;
            String longName = OptionNaming.longOption(setting.key());
            table.add(new PluginOption(longName, shortName, Kind.SETTING, setting, null, valueLabel(setting)));
            if (setting.role() == SettingRole.ADDRESS_FAMILY) {
                // -4/-6 (--use-ipv4/--use-ipv6, like check_smtp) set the family for every leg.
                for (String value : setting.optionValues()) {
                    if (PluginOption.FAMILY_SHORT_NAMES.containsKey(value)) {
                        table.add(new PluginOption("--use-" + value, PluginOption.FAMILY_SHORT_NAMES.get(value),
                                Kind.SETTING_CHOICE, setting, null, ""));
                    }
                }
            }
            if (setting.type() == SettingType.BOOLEAN) {
                table.add(new PluginOption("--no-" + longName.substring(2), null, Kind.SETTING_OFF, setting, null,
                        ""));
            }
        }
        return table;
    }

    /** The settings the plugin offers: all but those of host-only roles, in metadata order. */
    static List<SettingDescriptor> offered(SensorDescriptor descriptor) {
        List<SettingDescriptor> offered = new ArrayList<>();
        for (SettingDescriptor setting : descriptor.settings()) {
            if (!HOST_ONLY.contains(setting.role())) {
                offered.add(setting);
            }
        }
        return offered;
    }

    /**
     * Channels that take thresholds: all but the history-based downtime, which a one-shot plugin never
     * measures (it has no history), so a threshold on it could never fire.
     */
    static List<ChannelDescriptor> thresholdChannels(SensorDescriptor descriptor) {
        return descriptor.channels().stream()
                .filter(c -> !c.key().equals(ChannelDescriptor.DOWNTIME)).toList();
    }

    private static String valueLabel(SettingDescriptor setting) {
        return switch (setting.type()) {
            case BOOLEAN -> "";
            case INTEGER -> setting.unit().equals("s") ? "SECONDS" : "NUMBER";
            case EMAIL -> "ADDRESS";
            case HOST -> "HOST";
            case SECRET -> "SECRET";
            case ENUM -> "MODE";
            case LIST -> "WORDS";
            case PATH -> "PATH";
            case STRING -> "TEXT";
        };
    }

    private void add(PluginOption option) {
        for (String name : new String[] {option.longName(), option.shortName()}) {
            if (name != null && byName.put(name, option) != null) {
                // A setting named like a reserved option would silently lose one of the two.
                throw new IllegalStateException("option " + name + " is generated twice; rename the setting");
            }
        }
        options.add(option);
    }

    SensorDescriptor descriptor() {
        return descriptor;
    }

    PluginNames names() {
        return names;
    }

    /** The first setting the plugin offers, to name as an example. */
    String firstSettingKey() {
        return offered(descriptor).get(0).key();
    }

    List<PluginOption> options() {
        return Collections.unmodifiableList(options);
    }

    /** The option called {@code name} ({@code --smtp-port} or {@code -H}). */
    Optional<PluginOption> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The option that sets {@code key}: what error lines name instead of the key. */
    String optionFor(String key) {
        return descriptor.setting(key).map(s -> OptionNaming.longOption(s.key())).orElse(key);
    }

    /** Threshold options of a given kind for a channel, for help texts ({@code --warning-smtp}). */
    String thresholdOption(Kind kind, String channelKey) {
        return "--" + kind.name().toLowerCase(Locale.ROOT) + "-" + channelKey;
    }
}
