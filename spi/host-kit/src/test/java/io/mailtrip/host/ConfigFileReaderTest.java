package io.mailtrip.host;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailtrip.spi.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one reader of configuration files: the same rules for YAML and JSON, for every host. */
class ConfigFileReaderTest {

    @TempDir
    Path dir;

    private ConfigurationException failure(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        ConfigProblems problems = new ConfigProblems("--config " + file);
        assertThat(ConfigFileReader.read(file, problems)).isEmpty();
        return org.assertj.core.api.Assertions.catchThrowableOfType(ConfigurationException.class,
                problems::throwIfAny);
    }

    @Test
    void readsYamlAndJson() throws IOException {
        Path yaml = Files.writeString(dir.resolve("a.yml"), "defaults: {smtpPort: 25}\n");
        Path json = Files.writeString(dir.resolve("a.json"), "{\"defaults\": {\"smtpPort\": 25}}");
        ConfigProblems problems = new ConfigProblems("x");

        Optional<JsonNode> fromYaml = ConfigFileReader.read(yaml, problems);
        Optional<JsonNode> fromJson = ConfigFileReader.read(json, problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat(fromYaml.orElseThrow().at("/defaults/smtpPort").asInt()).isEqualTo(25);
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorInBothFormats() throws IOException {
        Path yaml = dir.resolve("twice.yml");
        assertThat(failure("twice.yml", "defaults:\n  smtpPort: 25\n  smtpPort: 587\n").lines())
                .containsExactly("--config " + yaml + ": not valid YAML at line 3, column 11: key 'smtpPort' is"
                        + " written twice");
        Path json = dir.resolve("twice.json");
        assertThat(failure("twice.json", "{\"a\": 1, \"a\": 2}").lines())
                .containsExactly("--config " + json + ": not valid JSON at line 1, column 13: key 'a' is written"
                        + " twice");
    }

    @Test
    void aSyntaxErrorNamesThePositionAndNeverTheText() throws IOException {
        ConfigurationException e = failure("broken.yml", "pop3Password: [Secret-in-file\n");

        assertThat(e.lines()).singleElement().asString()
                .startsWith("--config " + dir.resolve("broken.yml") + ": not valid YAML at line ")
                .doesNotContain("Secret-in-file");
    }

    @Test
    void emptyAndMissingFilesAreOneLineEach() throws IOException {
        assertThat(failure("empty.yml", "# nothing\n").lines())
                .containsExactly("--config " + dir.resolve("empty.yml") + ": the file is empty");
        ConfigProblems problems = new ConfigProblems("missing.yml");
        assertThat(ConfigFileReader.read(dir.resolve("missing.yml"), problems)).isEmpty();
        assertThatThrownBy(problems::throwIfAny).hasMessage("missing.yml: cannot be read (NoSuchFileException)");
    }

    @Test
    void aFileOverFourMebibytesOrNotARegularFileIsRefusedBeforeItIsRead() throws IOException {
        Path atLimit = Files.writeString(dir.resolve("at-limit.yml"),
                "sensors: []\n" + "#".repeat(ConfigFileReader.MAX_FILE_BYTES - 13) + "\n");
        assertThat(Files.size(atLimit)).isEqualTo(ConfigFileReader.MAX_FILE_BYTES);
        ConfigProblems fine = new ConfigProblems("x");
        assertThat(ConfigFileReader.read(atLimit, fine)).isPresent();
        assertThat(fine.isEmpty()).isTrue();

        assertThat(failure("over.yml", "sensors: []\n" + "#".repeat(ConfigFileReader.MAX_FILE_BYTES - 12) + "\n"))
                .hasMessage("--config " + dir.resolve("over.yml") + ": is larger than 4 MiB");

        ConfigProblems endless = new ConfigProblems("--config /dev/zero");
        assertThat(ConfigFileReader.read(Path.of("/dev/zero"), endless)).isEmpty();
        assertThatThrownBy(endless::throwIfAny).hasMessage("--config /dev/zero: is not a regular file");
    }
}
