package io.mailtrip.nagios;

import io.mailtrip.host.PerfdataFormatter;

import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;
import io.mailtrip.host.ResultText;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A Monitoring Plugins check for any sensor: one run per call. The launcher names the sensor
 * ({@code -Dmailtrip.sensor=smtp-pop3-roundtrip}), so a second sensor gets its own launcher and no new Java.
 * Parses the options generated from the sensor's metadata, resolves command line, environment and
 * {@code --config} file (with {@code --device}, its levels) through the host kit's settings pipeline, runs
 * the sensor under the {@code -t} deadline and prints one line with perfdata. Every path ends in exit code
 * 0 to 3; nothing is read from stdin and nothing needed goes to stderr.
 */
public final class NagiosPlugin {

    /** The system property the launcher sets to the sensor's provider id. */
    static final String SENSOR_PROPERTY = "mailtrip.sensor";

    private final String sensorId;
    private final UnaryOperator<String> environment;
    private final ExitGuard guard;

    NagiosPlugin(String sensorId, UnaryOperator<String> environment, ExitGuard guard) {
        this.sensorId = sensorId;
        this.environment = environment;
        this.guard = guard;
    }

    /** What to print and the exit code. */
    record Printed(PluginState state, String text) {
    }

    /** Room to report an OutOfMemoryError in: released before the error is formatted. */
    private static volatile byte[] reserve;

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        ExitGuard guard = ExitGuard.forProcess(out);
        String sensorId = System.getProperty(SENSOR_PROPERTY, "");
        PluginNames names = PluginNames.of(sensorId.isEmpty() ? "mailtrip" : sensorId);
        reserve = new byte[512 * 1024];
        Printed lastResort = internalError(names, new OutOfMemoryError());
        Printed printed;
        try {
            printed = sensorId.isEmpty() ? internalError(names, new IllegalStateException(
                    "the launcher names no sensor (-D" + SENSOR_PROPERTY + "=ID)"))
                    : new NagiosPlugin(sensorId, System::getenv, guard).execute(args);
        } catch (Throwable e) {
            // Whatever broke, the caller gets the one UNKNOWN line the guidelines ask for, never a stack trace,
            // and exit 3 even for an OutOfMemoryError (issue 13: formatting it ran out of memory again, exit 1).
            reserve = null;
            try {
                printed = internalError(names, e);
            } catch (Throwable again) {
                printed = lastResort;
            }
        }
        if (!guard.claim()) {
            parkForever();
        }
        out.print(printed.text());
        out.flush();
        System.exit(printed.state().exitCode());
    }

    static Printed internalError(PluginNames names, Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        // An exception's message may quote a server.
        String text = ResultText.clean("internal error: " + e.getClass().getSimpleName() + message, 300);
        return new Printed(PluginState.UNKNOWN, CheckOutput.plain(PluginState.UNKNOWN, text)
                .render(names.service(), CheckOutput.SMALL_LIMIT));
    }

    /** Runs the plugin once; never throws for bad input or a failed round trip. */
    Printed execute(String[] args) {
        SensorProvider provider;
        try {
            provider = SensorProviders.load(NagiosPlugin.class.getClassLoader()).require(sensorId);
        } catch (ConfigurationException e) {
            return new Printed(PluginState.UNKNOWN, new CheckOutput(PluginState.UNKNOWN, e.lines().get(0), "",
                    List.of()).render(PluginNames.of(sensorId).service(), CheckOutput.SMALL_LIMIT));
        }
        SensorDescriptor descriptor = provider.descriptor();
        OptionTable table = OptionTable.of(descriptor);
        String service = table.names().service();
        String unmeasured = PerfdataFormatter.format(descriptor.channels(), Map.of(), key -> ChannelThresholds.NONE);
        Invocation invocation;
        try {
            invocation = new CommandLineParser(table).parse(args);
        } catch (ConfigurationException e) {
            return usage(service, e.lines(), unmeasured);
        }
        if (invocation.help()) {
            return new Printed(PluginState.UNKNOWN, HelpText.render(table, version()));
        }
        if (invocation.version()) {
            return new Printed(PluginState.UNKNOWN, table.names().plugin() + " " + version() + " (mailtrip)\n");
        }
        Deadline deadline = Deadline.in(invocation.timeout());
        guard.arm(invocation.timeout(), new CheckOutput(invocation.timeoutState(), "plugin timeout (-t "
                + invocation.timeout().toSeconds() + " s): the round trip did not end by its deadline", unmeasured,
                List.of()).render(service, CheckOutput.SMALL_LIMIT), invocation.timeoutState().exitCode());
        SettingSources.Sourced sourced;
        ThresholdSet thresholds;
        try {
            sourced = new SettingSources(table, environment).resolve(invocation);
            thresholds = ThresholdSet.of(invocation.thresholds(), descriptor, sourced.resolved().settings());
        } catch (ConfigurationException e) {
            return usage(service, e.lines(), unmeasured);
        }
        Settings settings = sourced.resolved().settings();
        SensorResult result;
        List<String> notes = new ArrayList<>();
        try (Sensor sensor = provider.create(settings)) {
            // One run per process: whatever the sensor would carry to its next run is lost.
            sensor.hostKeepsNoState();
            notes.addAll(notes(sourced, sensor, invocation));
            // Server text in the result is cleaned once here, for the line and the long output (issue 13).
            result = ResultText.cleaned(sensor.run(deadline));
        } catch (ConfigurationException e) {
            // A sensor that refuses its settings names them by key: say them as the operator wrote them.
            List<String> lines = new ArrayList<>();
            for (var problem : e.problems()) {
                lines.add(sourced.sources().of(problem.key(), sourced.resolved().inherited().origin(problem.key()))
                        + ": " + problem.message());
            }
            return usage(service, lines, unmeasured);
        }
        CheckOutput output = new ResultReport(descriptor, thresholds, invocation)
                .report(result, deadline.expired(), notes, settingLines(sourced));
        return new Printed(output.state(), output.render(service, ResultReport.limit(invocation.verbosity())));
    }

    private static Printed usage(String service, List<String> lines, String unmeasured) {
        CheckOutput output = new CheckOutput(PluginState.UNKNOWN, lines.get(0), unmeasured,
                lines.size() > 1 ? lines : List.of());
        return new Printed(PluginState.UNKNOWN, output.render(service, CheckOutput.SMALL_LIMIT));
    }

    private static List<String> notes(SettingSources.Sourced sourced, Sensor sensor, Invocation invocation) {
        Settings settings = sourced.resolved().settings();
        var inherited = sourced.resolved().inherited();
        List<String> notes = new ArrayList<>();
        for (String key : settings.ignored()) {
            String when = SettingHelp.visibilityText(settings.descriptor().setting(key).orElseThrow().visibility());
            notes.add("note: " + sourced.sources().of(key, inherited.origin(key)) + " is ignored: only used when "
                    + when);
        }
        for (String unused : inherited.unusedAncestorKeys()) {
            // Not an error: a file shared with the runner may hold settings of other sensor types.
            notes.add("note: --config " + invocation.configFile() + ": " + unused + " is no setting of "
                    + settings.descriptor().id() + " and is ignored");
        }
        return notes;
    }

    /** {@code setting port = 587 (device mx1)}: the host kit's listing, secrets masked. */
    private static List<String> settingLines(SettingSources.Sourced sourced) {
        List<String> lines = new ArrayList<>();
        for (String line : sourced.resolved().inherited().describe(sourced.resolved().settings())) {
            lines.add("setting " + line);
        }
        return lines;
    }

    static String version() {
        String version = NagiosPlugin.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private static void parkForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
                // The exit guard is printing and halts the JVM.
            }
        }
    }
}
