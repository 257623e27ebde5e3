package io.mailtrip.host;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The settings a host reads for itself, found by {@link SettingRole} and never by a key typed in a host,
 * with one set of fallbacks for every host: the interval ({@link SettingRole#INTERVAL}, else the
 * descriptor's default interval), the channel that leads ({@link SettingRole#PRIMARY_CHANNEL} when it
 * names a channel, else the first), and whether charts stack ({@link SettingRole#GRAPH_TYPE}
 * {@value #STACKED}, in the {@link SettingRole#STACK_UNIT}, else the first channel's unit).
 *
 * @param interval       time between two planned starts
 * @param primaryChannel the key of the channel that leads, when the sensor names one of its channels
 * @param stackUnit      the unit of the one stacked chart; empty = one chart per channel
 */
public record RoleSettings(Duration interval, Optional<String> primaryChannel, Optional<String> stackUnit) {

    /** The GRAPH_TYPE value that asks for one stacked chart (the SPI's documented enum value). */
    public static final String STACKED = "stacked";

    public static RoleSettings of(Settings settings) {
        // Plain code, no lambdas: the Nagios plugin's one-shot JVM reads the primary channel on start-up.
        SensorDescriptor descriptor = settings.descriptor();
        List<ChannelDescriptor> channels = descriptor.channels();
        String intervalKey = key(settings, SettingRole.INTERVAL);
        Duration interval = intervalKey == null ? descriptor.defaultInterval() : settings.seconds(intervalKey);
        Optional<String> primary = Optional.empty();
        String lead = text(settings, SettingRole.PRIMARY_CHANNEL);
        for (ChannelDescriptor channel : channels) {
            if (channel.key().equals(lead)) {
                primary = Optional.of(lead);
            }
        }
        Optional<String> stackUnit = Optional.empty();
        if (STACKED.equals(text(settings, SettingRole.GRAPH_TYPE))) {
            String unit = text(settings, SettingRole.STACK_UNIT);
            stackUnit = unit != null ? Optional.of(unit)
                    : channels.isEmpty() ? Optional.empty() : Optional.of(channels.get(0).unit());
        }
        return new RoleSettings(interval, primary, stackUnit);
    }

    /** The key of the role's setting when the sensor declares one and it has a value; else {@code null}. */
    private static String key(Settings settings, SettingRole role) {
        Optional<SettingDescriptor> setting = settings.descriptor().settingFor(role);
        return setting.isPresent() && settings.has(setting.get().key()) ? setting.get().key() : null;
    }

    private static String text(Settings settings, SettingRole role) {
        String key = key(settings, role);
        return key == null ? null : settings.text(key);
    }

    /** The channel that leads: the primary one, else the descriptor's first. */
    public Optional<ChannelDescriptor> leading(SensorDescriptor descriptor) {
        Optional<ChannelDescriptor> primary = primary(descriptor);
        return primary.isPresent() || descriptor.channels().isEmpty() ? primary
                : Optional.of(descriptor.channels().get(0));
    }

    /** The primary channel, when the settings name one. */
    public Optional<ChannelDescriptor> primary(SensorDescriptor descriptor) {
        for (ChannelDescriptor channel : descriptor.channels()) {
            if (primaryChannel.isPresent() && channel.key().equals(primaryChannel.get())) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** The channels with the leading one first, the others in descriptor order. */
    public List<ChannelDescriptor> ordered(SensorDescriptor descriptor) {
        List<ChannelDescriptor> ordered = new ArrayList<>(descriptor.channels().size());
        primary(descriptor).ifPresent(ordered::add);
        descriptor.channels().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        return ordered;
    }

    public boolean stacked() {
        return stackUnit.isPresent();
    }

    /**
     * What a value of {@code channel} is multiplied by to join the stacked chart; empty when the charts do
     * not stack or the channel's unit does not convert to the stack unit (a percentage keeps its own chart).
     */
    public OptionalDouble stackFactor(ChannelDescriptor channel) {
        // A sum of other channels (total) is the stack's top edge already: stacking it would count twice.
        if (stackUnit.isEmpty() || channel.sum()) {
            return OptionalDouble.empty();
        }
        return Units.factor(channel.unit(), stackUnit.get());
    }
}
