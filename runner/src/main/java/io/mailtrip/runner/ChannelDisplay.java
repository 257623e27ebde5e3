package io.mailtrip.runner;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How an instance wants its channels shown, from the settings that play the display roles
 * ({@link SettingRole#PRIMARY_CHANNEL}, {@link SettingRole#GRAPH_TYPE}, {@link SettingRole#STACK_UNIT}):
 * which channel leads every line, and whether the charts stack. A sensor without these settings gets its
 * descriptor order and one chart per channel.
 *
 * @param primaryChannel the key of the channel that leads, when the sensor names one of its channels
 * @param stackUnit      the unit of the one stacked chart; empty = one chart per channel
 */
public record ChannelDisplay(Optional<String> primaryChannel, Optional<String> stackUnit) {

    /** The GRAPH_TYPE value that asks for one stacked chart (the SPI's documented enum value). */
    static final String STACKED = "stacked";

    /** Time units a stacked chart converts between, in seconds per unit. */
    private static final Map<String, Double> SECONDS_PER_UNIT = Map.of("ms", 0.001, "s", 1.0);

    static final ChannelDisplay DESCRIPTOR_ORDER = new ChannelDisplay(Optional.empty(), Optional.empty());

    static ChannelDisplay of(Settings settings) {
        SensorDescriptor descriptor = settings.descriptor();
        Optional<String> primary = value(settings, SettingRole.PRIMARY_CHANNEL)
                .filter(key -> descriptor.channels().stream().anyMatch(c -> c.key().equals(key)));
        boolean stacked = value(settings, SettingRole.GRAPH_TYPE).filter(STACKED::equals).isPresent();
        Optional<String> stackUnit = !stacked ? Optional.empty()
                : value(settings, SettingRole.STACK_UNIT)
                        .or(() -> descriptor.channels().stream().findFirst().map(ChannelDescriptor::unit));
        return new ChannelDisplay(primary, stackUnit);
    }

    private static Optional<String> value(Settings settings, SettingRole role) {
        return settings.descriptor().settingFor(role).map(SettingDescriptor::key)
                .filter(settings::has).map(settings::text);
    }

    /** The channels with the primary one first, the others in descriptor order. */
    List<ChannelDescriptor> ordered(SensorDescriptor descriptor) {
        List<ChannelDescriptor> ordered = new ArrayList<>(descriptor.channels().size());
        primary(descriptor).ifPresent(ordered::add);
        descriptor.channels().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        return ordered;
    }

    Optional<ChannelDescriptor> primary(SensorDescriptor descriptor) {
        return primaryChannel.flatMap(key -> descriptor.channels().stream().filter(c -> c.key().equals(key))
                .findFirst());
    }

    boolean stacked() {
        return stackUnit.isPresent();
    }

    /**
     * What a value of {@code channel} is multiplied by to join the stacked chart; empty when the charts do
     * not stack or the channel's unit does not convert to the stack unit (a percentage keeps its own chart).
     */
    OptionalDouble stackFactor(ChannelDescriptor channel) {
        // A sum of other channels (total) is the stack's top edge already: stacking it would count twice.
        if (stackUnit.isEmpty() || channel.sum()) {
            return OptionalDouble.empty();
        }
        String target = stackUnit.get();
        if (channel.unit().equals(target)) {
            return OptionalDouble.of(1);
        }
        Double from = SECONDS_PER_UNIT.get(channel.unit());
        Double to = SECONDS_PER_UNIT.get(target);
        return from == null || to == null ? OptionalDouble.empty() : OptionalDouble.of(from / to);
    }
}
