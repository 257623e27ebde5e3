package io.mailtrip.nagios;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The folder {@code package} builds (failsafe passes its path), as operators install it. */
final class PluginFolder {

    private PluginFolder() {
    }

    static Path path() {
        String folder = System.getProperty("mailtrip.plugin.folder");
        assertThat(folder).as("system property mailtrip.plugin.folder (set by failsafe)").isNotNull();
        return Path.of(folder);
    }

    static Path launcher() {
        Path launcher = path().resolve("check_smtp_pop3_roundtrip");
        assertThat(Files.isExecutable(launcher)).as(launcher + " is executable").isTrue();
        return launcher;
    }
}
