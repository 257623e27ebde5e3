package io.mailtrip.runner;

import io.mailtrip.spi.SensorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginFolderTest {

    @TempDir
    Path work;

    @Test
    void findsBuiltInSensorThenTwoPluginsAndReportsBrokenJars() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJarBuilder.plugin(work, "alpha.jar", "plugin.alpha", "alpha-sensor");
        PluginJarBuilder.plugin(work, "beta.jar", "plugin.beta", "beta-sensor");
        PluginJarBuilder.plugin(work, "copycat.jar", "plugin.copycat", "smtp-pop3-roundtrip");
        Files.move(work.resolve("alpha.jar"), plugins.resolve("alpha.jar"));
        Files.move(work.resolve("beta.jar"), plugins.resolve("beta.jar"));
        Files.move(work.resolve("copycat.jar"), plugins.resolve("copycat.jar"));
        PluginJarBuilder.writeNotAJar(plugins.resolve("broken.jar"));
        PluginJarBuilder.missingProviderClass(plugins, "gone.jar");
        Files.writeString(plugins.resolve("notes.txt"), "not a jar, not looked at");

        SensorCatalog catalog = new PluginFolder(plugins, getClass().getClassLoader()).load();

        assertThat(catalog.ids()).isEqualTo("smtp-pop3-roundtrip, smtp-imap-roundtrip, alpha-sensor, beta-sensor");
        assertThat(catalog.warnings()).hasSize(3);
        assertThat(catalog.warnings().get(0)).startsWith(plugins.resolve("broken.jar") + ": not a readable jar (");
        assertThat(catalog.warnings().get(1)).isEqualTo(plugins.resolve("copycat.jar")
                + ": sensor 'smtp-pop3-roundtrip' ignored, the id is already provided");
        assertThat(catalog.warnings().get(2)).startsWith(plugins.resolve("gone.jar") + ": sensor provider skipped: ")
                .contains("plugin.gone.MissingProvider");
    }

    @Test
    void eachPluginHasItsOwnLoaderAndIsNotOnTheClassPath() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJarBuilder.plugin(work, "alpha.jar", "plugin.alpha", "alpha-sensor");
        PluginJarBuilder.plugin(work, "beta.jar", "plugin.beta", "beta-sensor");
        Files.move(work.resolve("alpha.jar"), plugins.resolve("alpha.jar"));
        Files.move(work.resolve("beta.jar"), plugins.resolve("beta.jar"));

        SensorCatalog catalog = new PluginFolder(plugins, getClass().getClassLoader()).load();

        SensorProvider alpha = catalog.find("alpha-sensor").orElseThrow();
        SensorProvider beta = catalog.find("beta-sensor").orElseThrow();
        assertThat(alpha.getClass().getClassLoader()).isInstanceOf(URLClassLoader.class)
                .isNotSameAs(beta.getClass().getClassLoader());
        assertThat(alpha.getClass().getClassLoader().getParent()).isSameAs(getClass().getClassLoader());
        assertThatThrownBy(() -> Class.forName("plugin.alpha.FakeProvider", false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void aMissingPluginsFolderIsNoError() {
        SensorCatalog catalog = new PluginFolder(work.resolve("absent"), getClass().getClassLoader()).load();

        assertThat(catalog.ids()).isEqualTo("smtp-pop3-roundtrip, smtp-imap-roundtrip");
        assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void aDroppedInPluginRunsFromTheConfigurationAndUnknownIdsNameThePluginsFolder() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJarBuilder.plugin(work, "alpha.jar", "plugin.alpha", "alpha-sensor");
        Files.move(work.resolve("alpha.jar"), plugins.resolve("alpha.jar"));
        Path config = work.resolve("config.yml");
        Files.writeString(config, """
                sensors:
                  - id: fake1
                    sensor: alpha-sensor
                    settings:
                      greeting: bonjour
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("--config", config.toString(), "--once");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches(
                "(?s)\\S+Z fake1 UP latency=1\\.5ms - alpha-sensor says bonjour\\R");

        Files.writeString(config, """
                sensors:
                  - id: fake1
                    sensor: gamma-sensor
                """);
        err.reset();
        code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("--config", config.toString(), "--validate");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(config + ": sensors[0] (fake1): sensor: unknown "
                + "sensor 'gamma-sensor' (known: smtp-pop3-roundtrip, smtp-imap-roundtrip, alpha-sensor; plugins folder: "
                + plugins + ")"
                + System.lineSeparator());
    }
}
