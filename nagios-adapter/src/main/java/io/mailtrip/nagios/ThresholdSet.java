package io.mailtrip.nagios;

import io.mailtrip.host.PerfUnit;
import io.mailtrip.host.RoleSettings;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.nagios.Invocation.ThresholdOption;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The thresholds of a run, per channel key. Plain {@code -w}/{@code -c} apply to the primary channel
 * (the sensor's setting of role {@link SettingRole#PRIMARY_CHANNEL}, else its first channel); a channel
 * option such as {@code --warning-total} wins over them for its channel.
 */
final class ThresholdSet {

    private final String primaryChannel;
    private final Map<String, ChannelThresholds> byChannel;

    private ThresholdSet(String primaryChannel, Map<String, ChannelThresholds> byChannel) {
        this.primaryChannel = primaryChannel;
        this.byChannel = byChannel;
    }

    /** @throws ConfigurationException naming the threshold option whose range is invalid */
    static ThresholdSet of(List<ThresholdOption> options, SensorDescriptor descriptor, Settings settings) {
        String primary = primaryChannel(descriptor, settings);
        Map<String, ChannelThresholds> byChannel = new LinkedHashMap<>();
        // Plain options first, channel options after: the more specific one is applied last and wins.
        for (boolean plain : new boolean[] {true, false}) {
            for (ThresholdOption option : options) {
                if ((option.channelKey() == null) != plain) {
                    continue;
                }
                String channelKey = plain ? primary : option.channelKey();
                ChannelDescriptor channel = descriptor.channels().stream()
                        .filter(c -> c.key().equals(channelKey)).findFirst().orElseThrow();
                ThresholdRange range;
                try {
                    range = ThresholdRange.parse(option.text(), PerfUnit.forChannel(channel.unit()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(option.option(), e.getMessage());
                }
                ChannelThresholds current = byChannel.getOrDefault(channelKey, ChannelThresholds.NONE);
                byChannel.put(channelKey, option.critical() ? current.withCritical(range) : current.withWarning(range));
            }
        }
        return new ThresholdSet(primary, byChannel);
    }

    private static String primaryChannel(SensorDescriptor descriptor, Settings settings) {
        return RoleSettings.of(settings).leading(descriptor).orElseThrow().key();
    }

    /** The key of the channel that leads the summary and that plain {@code -w}/{@code -c} apply to. */
    String primaryChannel() {
        return primaryChannel;
    }

    ChannelThresholds forChannel(String key) {
        return byChannel.getOrDefault(key, ChannelThresholds.NONE);
    }
}
