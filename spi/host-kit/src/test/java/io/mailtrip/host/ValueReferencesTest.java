package io.mailtrip.host;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueReferencesTest {

    private static final SensorDescriptor DESCRIPTOR = new SensorDescriptor("refs", "io.mailtrip.spi.example",
            ValueReferencesTest.class.getClassLoader(), List.of(), Duration.ofSeconds(60), List.of(
            new SettingSection("main", "Main", List.of(
                    SettingDescriptor.builder("from", SettingType.STRING).section("main").build(),
                    SettingDescriptor.builder("smtpPassword", SettingType.SECRET).section("main").build()))),
            List.of());

    @Test
    void valueReferencesReadEnvironmentAndFilesAndNameTheKeyWhenMissing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path secretFile = dir.resolve("pw");
        Files.writeString(secretFile, "from-file\n");
        ValueReferences references = new ValueReferences(Map.of("POP3_PW", "from-env")::get);

        assertThat(references.resolve("pop3Password", "${env:POP3_PW}", true)).isEqualTo("from-env");
        assertThat(references.resolve("pop3Password", "${file:" + secretFile + "}", true)).isEqualTo("from-file");
        assertThat(references.resolve("subjectText", "price ${env:X} is plain text", false)).isEqualTo(
                "price ${env:X} is plain text");
        assertThatThrownBy(() -> references.resolve("smtpPassword", "${env:NOPE}", true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("smtpPassword: environment variable NOPE is not set");
        assertThatThrownBy(() -> references.resolve("smtpPassword", "${file:" + dir.resolve("missing") + "}", true))
                .hasMessage("smtpPassword: cannot read file " + dir.resolve("missing") + " (NoSuchFileException)");
    }

    @Test
    void fileReferencesAreBoundedBeforeReadingAndOnlyForSecrets(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        ValueReferences references = new ValueReferences(name -> null);
        Path atLimit = Files.writeString(dir.resolve("at-limit"), "p".repeat(ValueReferences.MAX_FILE_BYTES));
        Path over = Files.writeString(dir.resolve("over"), "p".repeat(ValueReferences.MAX_FILE_BYTES + 1));
        Path content = Files.writeString(dir.resolve("private"), "private-content\n");

        assertThat(references.resolve("pop3Password", "${file:" + atLimit + "}", true))
                .hasSize(ValueReferences.MAX_FILE_BYTES);
        assertThatThrownBy(() -> references.resolve("pop3Password", "${file:" + over + "}", true))
                .hasMessage("pop3Password: file " + over + " is larger than 64 KiB");
        assertThatThrownBy(() -> references.resolve("pop3Password", "${file:/dev/zero}", true))
                .hasMessage("pop3Password: file /dev/zero is not a regular file");
        assertThatThrownBy(() -> references.resolve("pop3Password", "${file:" + dir + "}", true))
                .hasMessage("pop3Password: file " + dir + " is not a regular file");
        // A setting that is shown (in errors, -vvv, the subject) never takes a file's content.
        assertThat(ValueReferences.isSecret(DESCRIPTOR, "smtpPassword")).isTrue();
        assertThatThrownBy(() -> references.resolve("from", "${file:" + content + "}",
                ValueReferences.isSecret(DESCRIPTOR, "from")))
                .hasMessage("from: ${file:} is accepted only by secret settings, whose value is never shown; "
                        + "write the value itself or use ${env:NAME}")
                .message().doesNotContain("private-content");
    }
}
