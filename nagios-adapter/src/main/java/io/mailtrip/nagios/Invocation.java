package io.mailtrip.nagios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the command line asked for, before any setting is checked.
 *
 * @param help         {@code -h}: print help, nothing else
 * @param version      {@code -V}: print the version, nothing else
 * @param verbosity    number of {@code -v}
 * @param timeout      {@code -t}: the plugin's overall deadline
 * @param timeoutState state reported when the deadline cuts the run
 * @param thresholds   threshold options as given, in order
 * @param settings     setting values given as options, by setting key, with the option that gave them
 * @param configFile   {@code --config}, or {@code null}
 * @param device       {@code --device}: the device of a hierarchical {@code --config} file, or {@code null}
 */
record Invocation(boolean help, boolean version, int verbosity, Duration timeout, PluginState timeoutState,
                  List<ThresholdOption> thresholds, Map<String, SourcedValue> settings, Path configFile,
                  String device) {

    /** Below NRPE's default {@code command_timeout} of 60 s, so the plugin answers before NRPE kills it. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(50);
    static final PluginState DEFAULT_TIMEOUT_STATE = PluginState.UNKNOWN;
    static final long MAX_TIMEOUT_SECONDS = 3600;

    Invocation {
        thresholds = List.copyOf(thresholds);
        settings = Map.copyOf(settings);
    }

    /**
     * One threshold option as typed.
     *
     * @param option     the option name used ({@code -w}, {@code --critical-pop3})
     * @param critical   true for a critical range
     * @param channelKey the channel, or {@code null} for the primary channel
     * @param text       the range text
     */
    record ThresholdOption(String option, boolean critical, String channelKey, String text) {
    }
}
