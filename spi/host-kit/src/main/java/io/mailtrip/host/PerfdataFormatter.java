package io.mailtrip.host;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Perfdata in the guidelines' grammar {@code label=value[UOM];[warn];[crit];[min];[max]}, one item per
 * channel of the descriptor, space-separated. Labels are channel keys (stable, no spaces, no quotes);
 * a channel the run did not measure is {@code U}, so graphs keep every series. One formatter for every
 * host that speaks the Nagios world's perfdata: the Nagios plugin and the runner's Icinga 2 output.
 */
public final class PerfdataFormatter {

    /** The warning and critical range of a channel as perfdata writes them ({@code ""} = none). */
    public interface Thresholds {
        Thresholds NONE = new Thresholds() {
        };

        default String warningText() {
            return "";
        }

        default String criticalText() {
            return "";
        }
    }

    private PerfdataFormatter() {
    }

    public static String format(List<ChannelDescriptor> channels, Map<String, ChannelValue> values,
                                Function<String, ? extends Thresholds> thresholds) {
        StringJoiner out = new StringJoiner(" ");
        for (ChannelDescriptor channel : channels) {
            out.add(item(channel, values.getOrDefault(channel.key(), ChannelValue.notMeasured()),
                    thresholds.apply(channel.key())));
        }
        return out.toString();
    }

    public static String item(ChannelDescriptor channel, ChannelValue value, Thresholds thresholds) {
        PerfUnit unit = PerfUnit.forChannel(channel.unit());
        String shown = value.measured() ? DecimalText.machine(unit.convert(value.value())) + unit.symbol() : "U";
        String max = unit.max() == null ? "" : DecimalText.machine(unit.max());
        String item = channel.key() + "=" + shown + ";" + thresholds.warningText() + ";" + thresholds.criticalText()
                + ";0;" + max;
        return item.endsWith(";") ? item.substring(0, item.length() - 1) : item;
    }
}
