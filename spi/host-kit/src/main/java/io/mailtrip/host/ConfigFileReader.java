package io.mailtrip.host;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of mailtrip configuration files, for every host (the runner's file, the Nagios plugin's
 * {@code --config}): YAML, or JSON when the name ends in {@code .json}. The same rules everywhere: a key
 * written twice is an error (its second value would silently win), and no message quotes the file's text,
 * which may hold a password. The only host-kit class besides {@link SettingsHierarchy} that touches
 * Jackson, so a host that reads no file never loads it.
 */
public final class ConfigFileReader {

    /**
     * SnakeYAML refuses documents over 3 MiB by default, about 8,000 sensor instances (BENCHMARKS.md);
     * a fleet file may be larger.
     */
    static final int MAX_YAML_CODE_POINTS = 64 * 1024 * 1024;

    /**
     * The most a configuration file may have, checked before it is read (issue 13: 16 MiB took the runner
     * 45 s and 1.2 GB). About 12,000 instances in flow style; a larger fleet splits its file.
     */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** {@link #MAX_FILE_BYTES} as users read it. */
    public static final String MAX_FILE_TEXT = "4 MiB";

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private ConfigFileReader() {
    }

    /**
     * @param problems receives the one problem of a file that cannot be read or parsed
     * @return the document, empty when the file cannot be read, cannot be parsed, or holds nothing
     *         (an empty file is a problem too)
     */
    public static Optional<JsonNode> read(Path file, ConfigProblems problems) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String text;
        try {
            text = BoundedFileReader.read(file, MAX_FILE_BYTES, MAX_FILE_TEXT);
        } catch (BoundedFileReader.Refused e) {
            problems.add("", e.getMessage());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            problems.add("", "cannot be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        return parse(text, name.endsWith(".json"), problems);
    }

    /** A YAML text that is no file (a host's built-in configuration), with the same rules. */
    public static Optional<JsonNode> readYaml(String text, ConfigProblems problems) {
        return parse(text, false, problems);
    }

    private static Optional<JsonNode> parse(String text, boolean json, ConfigProblems problems) {
        ObjectMapper mapper = json ? JsonMapper.builder().build() : YAMLMapper.builder(YAMLFactory.builder()
                .loaderOptions(yamlLoaderOptions()).build()).build();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            JsonNode root = mapper.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                problems.add("", "the file is empty");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            problems.add("", parseError(e, json ? "JSON" : "YAML"));
            return Optional.empty();
        }
    }

    /** The position and, for a duplicate, the key; never the parser's excerpt of the text. */
    private static String parseError(JsonProcessingException e, String format) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof StreamReadException && duplicate.find()) {
            return "not valid " + format + where + ": key '" + duplicate.group(1) + "' is written twice";
        }
        return "not valid " + format + where;
    }

    private static LoaderOptions yamlLoaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_YAML_CODE_POINTS);
        return options;
    }
}
