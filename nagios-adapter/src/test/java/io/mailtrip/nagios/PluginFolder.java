package io.mailtrip.nagios;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin as the end-to-end tests run it: the launcher the .deb installed in the Monitoring Plugins
 * directory when {@code MAILTRIP_PLUGIN_INSTALLED=1} (.ci/run sets it after {@code dpkg -i}), else the
 * folder {@code package} builds (failsafe passes its path).
 */
final class PluginFolder {

    /** Where the package links the launcher, and where every shipped command calls it. */
    static final Path INSTALLED = Path.of(PluginNames.PLUGIN_DIR, "check_smtp_pop3_roundtrip");

    private PluginFolder() {
    }

    static boolean installed() {
        return "1".equals(System.getenv("MAILTRIP_PLUGIN_INSTALLED"));
    }

    static Path path() {
        String folder = System.getProperty("mailtrip.plugin.folder");
        assertThat(folder).as("system property mailtrip.plugin.folder (set by failsafe)").isNotNull();
        return Path.of(folder);
    }

    static Path launcher() {
        Path launcher = installed() ? INSTALLED : path().resolve("check_smtp_pop3_roundtrip");
        assertThat(Files.isExecutable(launcher)).as(launcher + " is executable").isTrue();
        return launcher;
    }
}
