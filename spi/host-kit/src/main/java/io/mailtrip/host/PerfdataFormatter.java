package io.mailtrip.host;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Perfdata in the guidelines' grammar {@code label=value[UOM];[warn];[crit];[min];[max]}, one item per
 * channel of the descriptor that the run measured, space-separated. Labels are channel keys (stable, no
 * spaces, no quotes). A channel the run did not measure (a leg that did not run, a channel the one-shot
 * plugin never measures such as downtime, a certificate on a clear-text leg) is left out rather than
 * {@code U}: the guidelines allow {@code U}, but Icinga 2.13's perfdata parser and several graphers reject
 * it and drop the whole line. One formatter for every host that speaks the Nagios world's perfdata: the
 * Nagios plugin and the runner's Icinga 2 output.
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
            ChannelValue value = values.get(channel.key());
            if (value == null || !value.measured()) {
                continue;
            }
            out.add(item(channel, value, thresholds.apply(channel.key())));
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
