package io.mailtrip.runner;

import io.mailtrip.host.ValueReferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A fleet file above SnakeYAML's default 3 MiB limit still loads. */
class LargeConfigTest {

    @TempDir
    Path dir;

    @Test
    void tenThousandInstancesInOneYamlFileLoad() throws Exception {
        StringBuilder yaml = new StringBuilder("""
                defaults: {from: sensor@example.org, to: probe@example.org, pop3Host: pop.example.org, \
                smtpHost: smtp.example.org}
                sensors:
                """);
        for (int i = 0; i < 10_000; i++) {
            yaml.append("  - id: mail-").append(i).append("\n    sensor: smtp-pop3-roundtrip\n")
                    .append("    settings:\n      subjectText: 'instance ").append(i)
                    .append(" of a fleet that a real operator might well have; ").append("x".repeat(120))
                    .append("'\n      interval: 60\n      tags: [mail, fleet, region-").append(i % 17).append("]\n");
        }
        Path file = dir.resolve("fleet.yml");
        Files.writeString(file, yaml);
        assertThat(Files.size(file)).isGreaterThan(3L * 1024 * 1024);
        SensorCatalog catalog = new PluginFolder(dir.resolve("plugins"), getClass().getClassLoader()).load();

        RunnerConfig config = new ConfigLoader(catalog, new ValueReferences(name -> null))
                .load(file);

        assertThat(config.instances()).hasSize(10_000);
    }
}
