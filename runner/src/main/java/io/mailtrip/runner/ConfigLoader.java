package io.mailtrip.runner;

import io.mailtrip.spi.SensorProvider;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the runner's YAML (or JSON) file and checks all of it before anything runs. Keys are checked
 * explicitly rather than by data binding so that every problem of the file is reported, not only the
 * first. The settings hierarchy ({@code defaults}, {@code groups}, {@code devices}) is read by
 * {@link SettingsHierarchy}, each instance by {@link InstanceLoader}.
 */
public final class ConfigLoader {

    static final List<String> TOP_LEVEL_KEYS = List.of("http", "junitXml", "jsonLines", "history", "language",
            "defaults", "groups", "devices", "sensors");
    private static final List<String> HTTP_KEYS = List.of("address", "port");
    private static final List<String> HISTORY_KEYS = List.of("size", "file");
    static final String DEFAULT_HTTP_ADDRESS = "127.0.0.1";
    static final int DEFAULT_HTTP_PORT = 9464;
    static final int DEFAULT_HISTORY_SIZE = 1440;
    private static final int MAX_HISTORY_SIZE = 100_000;

    /**
     * SnakeYAML refuses documents over 3 MiB by default, about 8,000 sensor instances (BENCHMARKS.md);
     * a fleet file may be larger.
     */
    private static final int MAX_YAML_CODE_POINTS = 64 * 1024 * 1024;
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
            .loaderOptions(yamlLoaderOptions()).build()).build();

    private final SensorCatalog catalog;
    private final InstanceLoader instanceLoader;

    private static LoaderOptions yamlLoaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_YAML_CODE_POINTS);
        return options;
    }

    public ConfigLoader(SensorCatalog catalog, InstanceLoader instanceLoader) {
        this.catalog = catalog;
        this.instanceLoader = instanceLoader;
    }

    /**
     * @throws ConfigException listing every problem of the file
     */
    public RunnerConfig load(Path file) {
        Problems problems = new Problems(file.toString());
        JsonNode root = read(file, problems);
        if (root == null) {
            throw new ConfigException(problems.lines());
        }
        Path base = file.toAbsolutePath().getParent();
        if (!root.isObject()) {
            problems.add("", "the file must be a mapping with a 'sensors' list");
            throw new ConfigException(problems.lines());
        }
        problems.unknownKeys("", root, TOP_LEVEL_KEYS);
        Optional<RunnerConfig.HttpSettings> http = http(root.get("http"), problems);
        Optional<Path> junitXml = text(root.get("junitXml"), "junitXml", problems).map(base::resolve);
        Optional<String> jsonLines = text(root.get("jsonLines"), "jsonLines", problems)
                .map(v -> v.equals(RunnerConfig.STDOUT) ? v : base.resolve(v).toString());
        RunnerConfig.HistorySettings history = history(root.get("history"), base, problems);
        Locale language = language(root.get("language"), problems);
        SettingsHierarchy hierarchy = SettingsHierarchy.read(root, catalog, problems);
        List<String> warnings = new ArrayList<>();
        List<InstanceConfig> instances = instances(root.get("sensors"), hierarchy, problems, warnings);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.lines());
        }
        return new RunnerConfig(http, junitXml, jsonLines, history, language, instances, warnings);
    }

    private static JsonNode read(Path file, Problems problems) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        ObjectMapper mapper = name.endsWith(".json") ? JsonMapper.builder().build() : YAML;
        // A key written twice is a typo whose second value would silently win.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            JsonNode root = mapper.readTree(Files.readString(file));
            if (root == null || root.isMissingNode() || root.isNull()) {
                problems.add("", "the file is empty");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            problems.add("", "not valid " + (name.endsWith(".json") ? "JSON" : "YAML") + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            problems.add("", "cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    private static Optional<RunnerConfig.HttpSettings> http(JsonNode node, Problems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add("http", "must be a mapping with address and port");
            return Optional.empty();
        }
        problems.unknownKeys("http.", node, HTTP_KEYS);
        String address = text(node.get("address"), "http.address", problems).orElse(DEFAULT_HTTP_ADDRESS);
        int port = integer(node.get("port"), "http.port", 0, 65535, problems).orElse(DEFAULT_HTTP_PORT);
        return Optional.of(new RunnerConfig.HttpSettings(address, port));
    }

    private static RunnerConfig.HistorySettings history(JsonNode node, Path base, Problems problems) {
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
        Optional<Path> file = text(node.get("file"), "history.file", problems).map(base::resolve);
        return new RunnerConfig.HistorySettings(size, file);
    }

    private Locale language(JsonNode node, Problems problems) {
        Optional<String> tag = text(node, "language", problems);
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

    private List<InstanceConfig> instances(JsonNode node, SettingsHierarchy hierarchy, Problems problems,
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

    static Optional<String> text(JsonNode node, String key, Problems problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            problems.add(key, "must be a non-empty text");
            return Optional.empty();
        }
        return Optional.of(node.asText().strip());
    }

    private static Optional<Integer> integer(JsonNode node, String key, int min, int max, Problems problems) {
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

    /** Collects finished lines, each prefixed with the file. */
    static final class Problems {
        private final String file;
        private final List<String> lines = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        String file() {
            return file;
        }

        void add(String where, String message) {
            lines.add(file + ": " + (where.isEmpty() ? "" : where + ": ") + message);
        }

        void unknownKeys(String prefix, JsonNode object, List<String> known) {
            object.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    add(prefix + key, "unknown key (known: " + String.join(", ", known) + ")");
                }
            });
        }

        boolean isEmpty() {
            return lines.isEmpty();
        }

        List<String> lines() {
            return lines;
        }
    }
}
