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
        SensorDescriptor descriptor = settings.descriptor();
        Duration interval = key(settings, SettingRole.INTERVAL).map(settings::seconds)
                .orElse(descriptor.defaultInterval());
        Optional<String> primary = text(settings, SettingRole.PRIMARY_CHANNEL)
                .filter(key -> descriptor.channels().stream().anyMatch(c -> c.key().equals(key)));
        boolean stacked = text(settings, SettingRole.GRAPH_TYPE).filter(STACKED::equals).isPresent();
        Optional<String> stackUnit = !stacked ? Optional.empty()
                : text(settings, SettingRole.STACK_UNIT)
                        .or(() -> descriptor.channels().stream().findFirst().map(ChannelDescriptor::unit));
        return new RoleSettings(interval, primary, stackUnit);
    }

    private static Optional<String> key(Settings settings, SettingRole role) {
        return settings.descriptor().settingFor(role).map(SettingDescriptor::key).filter(settings::has);
    }

    private static Optional<String> text(Settings settings, SettingRole role) {
        return key(settings, role).map(settings::text);
    }

    /** The channel that leads: the primary one, else the descriptor's first. */
    public Optional<ChannelDescriptor> leading(SensorDescriptor descriptor) {
        return primary(descriptor).or(() -> descriptor.channels().stream().findFirst());
    }

    /** The primary channel, when the settings name one. */
    public Optional<ChannelDescriptor> primary(SensorDescriptor descriptor) {
        return primaryChannel.flatMap(key -> descriptor.channels().stream().filter(c -> c.key().equals(key))
                .findFirst());
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
