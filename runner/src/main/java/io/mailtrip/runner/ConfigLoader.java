package io.mailtrip.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailtrip.host.ConfigFileReader;
import io.mailtrip.host.ConfigProblems;
import io.mailtrip.host.SettingsHierarchy;
import io.mailtrip.host.ValueReferences;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.Secret;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.SettingDescriptor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks all of the runner's YAML (or JSON) file, read by the host kit's {@link ConfigFileReader}, before
 * anything runs. Keys are checked explicitly rather than by data binding so that every problem of the file
 * is reported, not only the first. The settings hierarchy ({@code defaults}, {@code groups},
 * {@code devices}) is the host kit's {@link SettingsHierarchy}, each instance is read by
 * {@link InstanceLoader}.
 */
public final class ConfigLoader {

    static final List<String> TOP_LEVEL_KEYS = List.of("http", "junitXml", "jsonLines", "history", "language",
            "icinga", "defaults", "groups", "devices", "sensors");
    private static final List<String> ICINGA_KEYS = List.of("url", "user", "password", "caFile", "checkSource",
            "queueSize");
    static final int DEFAULT_ICINGA_QUEUE = 10_000;
    private static final List<String> HTTP_KEYS = List.of("address", "port");
    private static final List<String> HISTORY_KEYS = List.of("size", "file");
    static final String DEFAULT_HTTP_ADDRESS = "127.0.0.1";
    static final int DEFAULT_HTTP_PORT = 9464;
    static final int DEFAULT_HISTORY_SIZE = 1440;
    private static final int MAX_HISTORY_SIZE = 100_000;

    private final SensorCatalog catalog;
    private final InstanceLoader instanceLoader;
    private final ValueReferences references;

    /** @param references resolves the {@code ${env:}} and {@code ${file:}} references of the file's values */
    public ConfigLoader(SensorCatalog catalog, ValueReferences references) {
        this.instanceLoader = new InstanceLoader(references);
        this.references = references;
        this.catalog = catalog;
    }

    /**
     * @throws io.mailtrip.spi.ConfigurationException listing every problem of the file
     */
    public RunnerConfig load(Path file) {
        ConfigProblems problems = new ConfigProblems(file.toString());
        Optional<JsonNode> read = ConfigFileReader.read(file, problems);
        problems.throwIfAny();
        return load(read.orElseThrow(), file.toAbsolutePath().getParent(), problems);
    }

    /**
     * A file's text that is no file of the user's (the demo's, a resource).
     *
     * @param name how messages name it
     * @param base what relative paths in it are resolved against
     */
    public RunnerConfig load(String name, String yaml, Path base) {
        ConfigProblems problems = new ConfigProblems(name);
        Optional<JsonNode> read = ConfigFileReader.readYaml(yaml, problems);
        problems.throwIfAny();
        return load(read.orElseThrow(), base, problems);
    }

    private RunnerConfig load(JsonNode root, Path base, ConfigProblems problems) {
        if (!root.isObject()) {
            problems.add("", "the file must be a mapping with a 'sensors' list");
            problems.throwIfAny();
        }
        problems.unknownKeys("", root, TOP_LEVEL_KEYS);
        Optional<RunnerConfig.HttpSettings> http = http(root.get("http"), problems);
        Optional<Path> junitXml = SettingsHierarchy.text(root.get("junitXml"), "junitXml", problems).map(base::resolve);
        Optional<String> jsonLines = SettingsHierarchy.text(root.get("jsonLines"), "jsonLines", problems)
                .map(v -> v.equals(RunnerConfig.STDOUT) ? v : base.resolve(v).toString());
        RunnerConfig.HistorySettings history = history(root.get("history"), base, problems);
        Locale language = language(root.get("language"), problems);
        Optional<RunnerConfig.IcingaSettings> icinga = icinga(root.get("icinga"), base, problems);
        Set<String> knownKeys = catalog.providers().stream()
                .flatMap(p -> p.descriptor().settings().stream()).map(SettingDescriptor::key)
                .collect(Collectors.toSet());
        SettingsHierarchy hierarchy = SettingsHierarchy.read(root, knownKeys::contains, catalog.ids(), problems);
        List<String> warnings = new ArrayList<>();
        List<InstanceConfig> instances = instances(root.get("sensors"), hierarchy, problems, warnings);
        problems.throwIfAny();
        return new RunnerConfig(http, junitXml, jsonLines, history, language, icinga, instances, warnings);
    }

    private static Optional<RunnerConfig.HttpSettings> http(JsonNode node, ConfigProblems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add("http", "must be a mapping with address and port");
            return Optional.empty();
        }
        problems.unknownKeys("http.", node, HTTP_KEYS);
        String address = SettingsHierarchy.text(node.get("address"), "http.address", problems).orElse(DEFAULT_HTTP_ADDRESS);
        int port = integer(node.get("port"), "http.port", 0, 65535, problems).orElse(DEFAULT_HTTP_PORT);
        return Optional.of(new RunnerConfig.HttpSettings(address, port));
    }

    private Optional<RunnerConfig.IcingaSettings> icinga(JsonNode node, Path base, ConfigProblems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add("icinga", "must be a mapping with " + String.join(", ", ICINGA_KEYS));
            return Optional.empty();
        }
        problems.unknownKeys("icinga.", node, ICINGA_KEYS);
        Optional<java.net.URI> url = SettingsHierarchy.text(node.get("url"), "icinga.url", problems).flatMap(text -> {
            try {
                java.net.URI uri = new java.net.URI(text.strip());
                if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            problems.add("icinga.url", "'" + text + "' is not an https:// URL (https://icinga.example.org:5665)");
            return Optional.empty();
        });
        Optional<String> user = SettingsHierarchy.text(node.get("user"), "icinga.user", problems);
        Optional<String> password = SettingsHierarchy.text(node.get("password"), "icinga.password", problems)
                .flatMap(value -> {
                    try {
                        return Optional.of(references.resolve("icinga.password", value, true));
                    } catch (ConfigurationException e) {
                        e.problems().forEach(p -> problems.add(p.key(), p.message()));
                        return Optional.empty();
                    }
                });
        Optional<Path> caFile = SettingsHierarchy.text(node.get("caFile"), "icinga.caFile", problems).map(base::resolve);
        String checkSource = SettingsHierarchy.text(node.get("checkSource"), "icinga.checkSource", problems)
                .orElseGet(ConfigLoader::hostName);
        int queue = integer(node.get("queueSize"), "icinga.queueSize", 1, 1_000_000, problems)
                .orElse(DEFAULT_ICINGA_QUEUE);
        for (String required : List.of("url", "user", "password", "caFile")) {
            if (!node.has(required)) {
                problems.add("icinga." + required, "is required");
            }
        }
        if (url.isEmpty() || user.isEmpty() || password.isEmpty() || caFile.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RunnerConfig.IcingaSettings(url.get(), user.get(), new Secret(password.get()),
                caFile.get(), checkSource, queue));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "mailtrip-runner";
        }
    }

    private static RunnerConfig.HistorySettings history(JsonNode node, Path base, ConfigProblems problems) {
        if (node == null || node.isNull()) {
            return new RunnerConfig.HistorySettings(DEFAULT_HISTORY_SIZE, Optional.empty());
        }
        if (!node.isObject()) {
            problems.add("history", "must be a mapping with size and file");
            return new RunnerConfig.HistorySettings(DEFAULT_HISTORY_SIZE, Optional.empty());
        }
        problems.unknownKeys("history.", node, HISTORY_KEYS);
        int size = integer(node.get("size"), "history.size", 1, MAX_HISTORY_SIZE, problems)
                .orElse(DEFAULT_HISTORY_SIZE);
        Optional<Path> file = SettingsHierarchy.text(node.get("file"), "history.file", problems).map(base::resolve);
        return new RunnerConfig.HistorySettings(size, file);
    }

    private Locale language(JsonNode node, ConfigProblems problems) {
        Optional<String> tag = SettingsHierarchy.text(node, "language", problems);
        if (tag.isEmpty()) {
            return ResponseLanguage.FALLBACK;
        }
        List<String> supported = ResponseLanguage.supported(
                catalog.providers().stream().map(SensorProvider::descriptor).toList());
        Optional<Locale> best = ResponseLanguage.best(tag.get(), supported);
        if (best.isEmpty()) {
            problems.add("language", "'" + tag.get() + "' is not one of " + String.join(", ", supported));
        }
        return best.orElse(ResponseLanguage.FALLBACK);
    }

    private List<InstanceConfig> instances(JsonNode node, SettingsHierarchy hierarchy, ConfigProblems problems,
                                           List<String> warnings) {
        if (node == null || node.isNull()) {
            problems.add("sensors", "is required (a list of sensor instances with id, sensor and settings)");
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add("sensors", "must be a non-empty list of sensor instances with id, sensor and settings");
            return List.of();
        }
        List<InstanceConfig> instances = new ArrayList<>();
        Map<String, Integer> firstIndexById = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            InstanceLoader.Located located = instanceLoader.load(node.get(i), i, catalog, hierarchy, problems.file());
            String where = located.where();
            located.problems().forEach(p -> problems.add(where, p));
            located.warnings().forEach(w -> warnings.add(problems.file() + ": " + where + ": " + w));
            located.id().ifPresent(id -> {
                Integer first = firstIndexById.putIfAbsent(id, located.index());
                if (first != null) {
                    problems.add(where, "id: '" + id + "' is already used by sensors[" + first + "]");
                }
            });
            located.instance().ifPresent(instances::add);
        }
        return instances;
    }

    private static Optional<Integer> integer(JsonNode node, String key, int min, int max, ConfigProblems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String text = node.asText().strip();
        try {
            int value = Integer.parseInt(text);
            if (node.isValueNode() && value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        problems.add(key, "'" + text + "' is not in " + min + ".." + max);
        return Optional.empty();
    }
}
