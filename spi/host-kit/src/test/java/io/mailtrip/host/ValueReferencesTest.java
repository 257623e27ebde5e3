package io.mailtrip.host;

import io.mailtrip.spi.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueReferencesTest {

    @Test
    void valueReferencesReadEnvironmentAndFilesAndNameTheKeyWhenMissing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path secretFile = dir.resolve("pw");
        Files.writeString(secretFile, "from-file\n");
        ValueReferences references = new ValueReferences(Map.of("POP3_PW", "from-env")::get);

        assertThat(references.resolve("pop3Password", "${env:POP3_PW}")).isEqualTo("from-env");
        assertThat(references.resolve("pop3Password", "${file:" + secretFile + "}")).isEqualTo("from-file");
        assertThat(references.resolve("subjectText", "price ${env:X} is plain text")).isEqualTo(
                "price ${env:X} is plain text");
        assertThatThrownBy(() -> references.resolve("smtpPassword", "${env:NOPE}"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("smtpPassword: environment variable NOPE is not set");
        assertThatThrownBy(() -> references.resolve("smtpPassword", "${file:" + dir.resolve("missing") + "}"))
                .hasMessage("smtpPassword: cannot read file " + dir.resolve("missing") + " (NoSuchFileException)");
    }
}
