package io.mailtrip.nagios;

import io.mailtrip.host.PerfUnit;
import io.mailtrip.host.PerfdataFormatter;

import io.mailtrip.host.DecimalText;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Translates one sensor result into plugin output: the sensor's status mapped to a plugin state,
 * raised (never lowered) by broken thresholds; the primary channel leading the summary
 * ({@code total 0.248s - round trip ...}); the plugin's own timeout reported as the
 * {@code --timeout-state} with the phase reached.
 */
final class ResultReport {

    private final SensorDescriptor descriptor;
    private final ThresholdSet thresholds;
    private final Invocation invocation;

    ResultReport(SensorDescriptor descriptor, ThresholdSet thresholds, Invocation invocation) {
        this.descriptor = descriptor;
        this.thresholds = thresholds;
        this.invocation = invocation;
    }

    /**
     * @param deadlineExpired true when the plugin's {@code -t} deadline had passed when the run ended
     * @param notes           lines for {@code -v} about the configuration (ignored settings, ...)
     * @param settingLines    effective settings, secrets masked, for {@code -vvv}
     */
    CheckOutput report(SensorResult result, boolean deadlineExpired, List<String> notes, List<String> settingLines) {
        boolean timedOut = result.status() == Status.UNKNOWN && deadlineExpired;
        PluginState state = timedOut ? invocation.timeoutState() : PluginState.of(result.status());
        // The primary channel leads: its breach, else its value; then the other channels' breaches.
        List<String> lead = new ArrayList<>();
        for (ChannelDescriptor channel : primaryFirst()) {
            ChannelValue value = result.channel(channel.key());
            ChannelThresholds limits = thresholds.forChannel(channel.key());
            if (!value.measured()) {
                continue;
            }
            PerfUnit unit = PerfUnit.forChannel(channel.unit());
            double shown = unit.convert(value.value());
            PluginState verdict = limits.evaluate(shown);
            if (verdict != PluginState.OK) {
                lead.add(channel.key() + " " + limits.broken(verdict).describeBreach(shown) + " ("
                        + verdict.name().toLowerCase(Locale.ROOT) + ")");
                state = PluginState.worst(state, verdict);
            } else if (channel.key().equals(thresholds.primaryChannel())) {
                lead.add(channel.key() + " " + DecimalText.machine(shown) + unit.symbol());
            }
        }
        String message = timedOut
                ? "plugin timeout (-t " + invocation.timeout().toSeconds() + " s) reached in phase " + result.phase()
                        + ": " + result.message()
                : result.message();
        String summary = lead.isEmpty() ? message : String.join("; ", lead) + " - " + message;
        String perfdata = PerfdataFormatter.format(descriptor.channels(), result.channels(), thresholds::forChannel);
        return new CheckOutput(state, summary, perfdata, longLines(result, notes, settingLines));
    }

    private List<ChannelDescriptor> primaryFirst() {
        List<ChannelDescriptor> channels = new ArrayList<>(descriptor.channels());
        channels.sort(Comparator.comparing(c -> !c.key().equals(thresholds.primaryChannel())));
        return channels;
    }

    private List<String> longLines(SensorResult result, List<String> notes, List<String> settingLines) {
        int verbosity = invocation.verbosity();
        List<String> lines = new ArrayList<>();
        if (verbosity >= 1) {
            lines.add(String.format(Locale.ROOT, "sensor status %s in phase %s after %s s", result.status(),
                    result.phase(), DecimalText.machine(result.elapsed().toNanos() / 1e9)));
            for (ChannelDescriptor channel : descriptor.channels()) {
                ChannelValue value = result.channel(channel.key());
                PerfUnit unit = PerfUnit.forChannel(channel.unit());
                lines.add(channel.label() + " (" + channel.key() + "): " + (value.measured()
                        ? DecimalText.machine(unit.convert(value.value())) + " " + unit.symbol() : "not measured"));
            }
            lines.addAll(notes);
        }
        if (verbosity >= 2) {
            lines.addAll(result.details());
        }
        if (verbosity >= 3) {
            lines.addAll(settingLines);
        }
        return lines;
    }

    /** The size limit of the printed output at this verbosity. */
    static int limit(int verbosity) {
        return verbosity >= 2 ? CheckOutput.TRACE_LIMIT : CheckOutput.SMALL_LIMIT;
    }
}
