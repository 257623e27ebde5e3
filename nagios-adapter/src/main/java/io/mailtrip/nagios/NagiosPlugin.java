package io.mailtrip.nagios;

import io.mailtrip.sensor.smtppop3.RoundTripCatalogue;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;
import io.mailtrip.host.ResultText;
import io.mailtrip.host.ValueReferences;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code check_smtp_pop3_roundtrip}: one round trip per call, the Monitoring Plugins way. Parses the
 * options, resolves command line, environment and {@code --config} file (with {@code --device}, its
 * levels) through the SPI's inheritance, lets the SPI validate, runs the sensor under the {@code -t}
 * deadline and prints one line with perfdata. Every path ends in exit code 0 to 3; nothing is read from
 * stdin and nothing needed goes to stderr.
 */
public final class NagiosPlugin {

    /** The plugin's file name, as operators call it. */
    static final String NAME = "check_smtp_pop3_roundtrip";

    private final UnaryOperator<String> environment;
    private final ExitGuard guard;

    NagiosPlugin(UnaryOperator<String> environment, ExitGuard guard) {
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
        reserve = new byte[512 * 1024];
        Printed lastResort = internalError(new OutOfMemoryError());
        Printed printed;
        try {
            printed = new NagiosPlugin(System::getenv, guard).execute(args);
        } catch (Throwable e) {
            // Whatever broke, the caller gets the one UNKNOWN line the guidelines ask for, never a stack trace,
            // and exit 3 even for an OutOfMemoryError (issue 13: formatting it ran out of memory again, exit 1).
            reserve = null;
            try {
                printed = internalError(e);
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

    static Printed internalError(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        // An exception's message may quote a server.
        String text = ResultText.clean("internal error: " + e.getClass().getSimpleName() + message, 300);
        return new Printed(PluginState.UNKNOWN, CheckOutput.plain(PluginState.UNKNOWN, text)
                .render(CheckOutput.SMALL_LIMIT));
    }

    /** Runs the plugin once; never throws for bad input or a failed round trip. */
    Printed execute(String[] args) {
        SensorProvider provider = SensorProviders.load(NagiosPlugin.class.getClassLoader())
                .require(RoundTripCatalogue.SENSOR_ID);
        SensorDescriptor descriptor = provider.descriptor();
        OptionTable table = OptionTable.of(descriptor);
        String unmeasured = PerfdataFormatter.format(descriptor.channels(), Map.of(), key -> ChannelThresholds.NONE);
        Invocation invocation;
        try {
            invocation = new CommandLineParser(table).parse(args);
        } catch (UsageException e) {
            return usage(e.lines(), unmeasured);
        }
        if (invocation.help()) {
            return new Printed(PluginState.UNKNOWN, HelpText.render(table, version()));
        }
        if (invocation.version()) {
            return new Printed(PluginState.UNKNOWN, NAME + " " + version() + " (mailtrip)\n");
        }
        Deadline deadline = Deadline.in(invocation.timeout());
        guard.arm(invocation.timeout(), new CheckOutput(invocation.timeoutState(), "plugin timeout (-t "
                + invocation.timeout().toSeconds() + " s): the round trip did not end by its deadline", unmeasured,
                List.of()).render(CheckOutput.SMALL_LIMIT), invocation.timeoutState().exitCode());
        Map<String, SourcedValue> raw = Map.of();
        SourcedSettings sourced;
        Settings settings;
        ThresholdSet thresholds;
        try {
            sourced = new SettingSources(descriptor, environment).resolve(invocation);
            raw = sourced.values();
            settings = Settings.parse(descriptor, resolve(descriptor, raw));
            thresholds = ThresholdSet.of(invocation.thresholds(), descriptor, settings);
        } catch (UsageException e) {
            return usage(e.lines(), unmeasured);
        } catch (ConfigurationException e) {
            return usage(problemLines(e, table, raw), unmeasured);
        }
        SensorResult result;
        List<String> notes = new ArrayList<>();
        try (Sensor sensor = provider.create(settings)) {
            notes.addAll(notes(settings, sourced, sensor, invocation));
            // Server text in the result is cleaned once here, for the line and the long output (issue 13).
            result = ResultText.cleaned(sensor.run(deadline));
        } catch (ConfigurationException e) {
            return usage(problemLines(e, table, raw), unmeasured);
        }
        CheckOutput output = new ResultReport(descriptor, thresholds, invocation)
                .report(result, deadline.expired(), notes, settingLines(settings, sourced));
        return new Printed(output.state(), output.render(ResultReport.limit(invocation.verbosity())));
    }

    private Map<String, String> resolve(SensorDescriptor descriptor, Map<String, SourcedValue> raw) {
        Map<String, String> text = new LinkedHashMap<>();
        raw.forEach((key, value) -> text.put(key, value.value()));
        try {
            return new ValueReferences(environment).resolveAll(text, descriptor);
        } catch (ConfigurationException e) {
            throw new UsageException(e.problems().stream()
                    .map(p -> raw.get(p.key()).source() + ": " + p.message()).toList());
        }
    }

    /**
     * SPI problems in operator terms: the option, variable or file entry instead of the setting key. A bad
     * value the operator gave leads, before settings that are merely missing.
     */
    private static List<String> problemLines(ConfigurationException e, OptionTable table,
                                             Map<String, SourcedValue> raw) {
        List<String> given = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ConfigurationProblem problem : e.problems()) {
            SourcedValue value = raw.get(problem.key());
            if (value != null) {
                given.add(value.source() + ": " + problem.message());
            } else {
                missing.add(table.optionFor(problem.key()) + ": " + problem.message());
            }
        }
        given.addAll(missing);
        return given;
    }

    private static Printed usage(List<String> lines, String unmeasured) {
        CheckOutput output = new CheckOutput(PluginState.UNKNOWN, lines.get(0), unmeasured,
                lines.size() > 1 ? lines : List.of());
        return new Printed(PluginState.UNKNOWN, output.render(CheckOutput.SMALL_LIMIT));
    }

    private static List<String> notes(Settings settings, SourcedSettings sourced, Sensor sensor,
                                      Invocation invocation) {
        List<String> notes = new ArrayList<>();
        for (String key : settings.ignored()) {
            String when = SettingHelp.visibilityText(settings.descriptor().setting(key).orElseThrow().visibility());
            notes.add("note: " + sourced.values().get(key).source() + " is ignored: only used when " + when);
        }
        for (String unused : sourced.inherited().unusedAncestorKeys()) {
            // Not an error: a file shared with the runner may hold settings of other sensor types.
            notes.add("note: --config " + invocation.configFile() + ": " + unused + " is no setting of "
                    + settings.descriptor().id() + " and is ignored");
        }
        if (sensor.budget().compareTo(invocation.timeout()) > 0) {
            notes.add("note: these settings allow a round trip of up to " + sensor.budget().toSeconds()
                    + " s, -t is " + invocation.timeout().toSeconds() + " s: a slow round trip ends as a timeout");
        }
        return notes;
    }

    /** {@code setting smtpPort = 587 (device mx1)}: the SPI's listing, secrets masked. */
    private static List<String> settingLines(Settings settings, SourcedSettings sourced) {
        return sourced.inherited().describe(settings).stream().map(line -> "setting " + line).toList();
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
