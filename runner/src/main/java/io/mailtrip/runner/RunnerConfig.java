package io.mailtrip.runner;

import io.mailtrip.spi.Secret;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A loaded and checked runner configuration. File paths are already resolved against the folder of
 * the configuration file.
 *
 * @param http      where to serve {@code /metrics}, {@code /api/results} and the status page; empty = no HTTP
 * @param junitXml  JUnit XML report, rewritten atomically; empty = none
 * @param jsonLines JSON lines target: a file, or {@link #STDOUT}; empty = none
 * @param history   how many results to keep per instance, and where to keep them across restarts
 * @param language  the language of sensor names on the status page and {@code /api/results} when a request
 *                  asks for none the runner offers
 * @param icinga    where to send every result as a passive check result; empty = nowhere
 * @param instances the sensor instances, in file order
 * @param warnings  things that run but deserve a look (inline secrets, settings that do not apply)
 */
public record RunnerConfig(Optional<HttpSettings> http, Optional<Path> junitXml, Optional<String> jsonLines,
                           HistorySettings history, Locale language, Optional<IcingaSettings> icinga,
                           List<InstanceConfig> instances,
                           List<String> warnings) {

    /** The {@code jsonLines} value that means standard output. */
    public static final String STDOUT = "-";

    public RunnerConfig {
        instances = List.copyOf(instances);
        warnings = List.copyOf(warnings);
    }

    /**
     * This configuration without its instances: what a running runner keeps once the sensors exist, so
     * thousands of settings maps (with their origins) do not stay in the heap for nothing (issue 17).
     */
    public RunnerConfig withoutInstances() {
        return new RunnerConfig(http, junitXml, jsonLines, history, language, icinga, List.of(), warnings);
    }

    /**
     * The Icinga 2 REST API that receives every result as a passive check result.
     *
     * @param url         {@code https://icinga.example.org:5665}
     * @param user        the runner's own API user
     * @param password    its password (from {@code ${env:}} or {@code ${file:}}, never shown)
     * @param caFile      the Icinga CA certificate (PEM) the API's certificate must chain to
     * @param checkSource what Icinga shows as the check source (default: this machine's name)
     * @param queueSize   results kept while Icinga cannot be reached; beyond it the oldest are dropped
     */
    public record IcingaSettings(java.net.URI url, String user, Secret password, Path caFile, String checkSource,
                                 int queueSize) {
    }

    /** The HTTP listener: loopback unless the configuration says otherwise. */
    public record HttpSettings(String address, int port) {
    }

    /**
     * @param size results kept per instance: the window of the downtime channel
     * @param file where the history survives restarts; empty = memory only
     */
    public record HistorySettings(int size, Optional<Path> file) {
    }
}
