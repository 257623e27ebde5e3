package io.mailtrip.runner;

import com.sun.security.auth.module.UnixSystem;
import io.mailtrip.spi.ConfigurationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13: the runner runs no code from a plugins folder another user can change, at start and in
 * {@code --validate}. Each case plants a jar whose provider writes a marker file as soon as its class is
 * loaded; the marker must not appear, and does appear with {@code --insecure-plugin-folder} (so the
 * test can fail). Mode cases run the same as root or not; the ownership case needs a file of another
 * user: as root it chowns to {@code nobody}, otherwise it tells the check that the runner is another uid.
 */
class PluginFolderTrustTest {

    private static final long UID = new UnixSystem().getUid();

    @TempDir
    Path dir;

    private Path config;
    private Path plugins;
    private Path marker;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void plantJar() throws Exception {
        config = dir.resolve("mailtrip.yml");
        // The configuration itself does not matter: plugins load (or are refused) before it is read.
        Files.writeString(config, "sensors: []\n");
        plugins = Files.createDirectories(dir.resolve("plugins"));
        marker = dir.resolve("planted-code-ran");
        PluginJarBuilder.planted(dir, "planted.jar", marker);
        Files.move(dir.resolve("planted.jar"), plugins.resolve("planted.jar"));
        chmod(plugins, "rwxr-xr-x");
        chmod(plugins.resolve("planted.jar"), "rw-r--r--");
        chmod(dir, "rwx------");
    }

    private int main(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static void chmod(Path path, String permissions) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    private void assertRefusedWithoutRunningTheJar(String expectedLine) {
        for (String mode : new String[] {"--validate", "--once"}) {
            err.reset();
            assertThat(main("--config", config.toString(), mode)).as(mode).isEqualTo(2);
            assertThat(err()).as(mode).isEqualTo(expectedLine + "; no plugin is loaded (--insecure-plugin-folder "
                    + "skips this check, for development)\n");
            assertThat(marker).as(mode + ": the planted jar's code ran").doesNotExist();
        }
    }

    @Test
    void aTrustedFolderLoadsTheJar() {
        // The control: the same jar in a folder with safe modes is loaded, so its code runs.
        main("--config", config.toString(), "--validate");
        assertThat(marker).exists();
    }

    @Test
    void aFolderWritableByOthersIsRefused() throws Exception {
        chmod(plugins, "rwxrwxrwx");
        assertRefusedWithoutRunningTheJar(plugins.toRealPath()
                + ": plugins folder is writable by group and others (mode 0777)");
    }

    @Test
    void aJarWritableByGroupIsRefused() throws Exception {
        chmod(plugins.resolve("planted.jar"), "rw-rw-r--");
        assertRefusedWithoutRunningTheJar(plugins.resolve("planted.jar").toRealPath()
                + ": plugin jar is writable by group (mode 0664)");
    }

    @Test
    void aParentFolderWritableByOthersWithoutTheStickyBitIsRefusedAndWithItIsNot() throws Exception {
        chmod(dir, "rwxrwxrwx");
        assertRefusedWithoutRunningTheJar(dir.toRealPath()
                + ": folder above the plugins folder is writable by group and others (mode 0777)");
        Files.setAttribute(dir, "unix:mode", 01777);
        err.reset();
        main("--config", config.toString(), "--validate");
        assertThat(err()).doesNotContain("no plugin is loaded");
        assertThat(marker).exists();
    }

    @Test
    void theInsecureOptionLoadsAnywayAndSaysSo() throws Exception {
        chmod(plugins, "rwxrwxrwx");
        main("--config", config.toString(), "--validate", "--insecure-plugin-folder");
        assertThat(err()).doesNotContain("no plugin is loaded");
        assertThat(marker).exists();
        assertThat(err()).contains("warning: " + plugins + ": plugins folder loaded without checking its owner and"
                + " mode (--insecure-plugin-folder)");
    }

    @Test
    void aFolderOrJarOwnedByAnotherUserIsRefused() throws Exception {
        PluginFolderTrust trust;
        long owner;
        if (UID == 0) {
            UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(plugins.resolve("planted.jar"), nobody);
            owner = (Integer) Files.getAttribute(plugins.resolve("planted.jar"), "unix:uid");
            assertThat(owner).as("precondition: the jar belongs to nobody").isNotZero();
            trust = PluginFolderTrust.forThisProcess().orElseThrow();
        } else {
            // Not root: no file of another user can be made, so the check is told the runner is another uid.
            owner = UID;
            trust = new PluginFolderTrust(UID + 1);
        }
        PluginFolder folder = new PluginFolder(plugins, getClass().getClassLoader(), Optional.of(trust), true);
        assertThatThrownBy(folder::load).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(": plugin jar is owned by uid " + owner + ", not by the runner's user");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aFolderPlantedByAnotherUserInAStickyFolderIsRefused() throws Exception {
        // The case: a sticky world-writable folder (like /tmp) where another user made plugins/.
        Files.setAttribute(dir, "unix:mode", 01777);
        PluginFolderTrust trust;
        if (UID == 0) {
            UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(plugins, nobody);
            assertThat((Integer) Files.getAttribute(plugins, "unix:uid")).as("precondition").isNotZero();
            trust = PluginFolderTrust.forThisProcess().orElseThrow();
        } else {
            trust = new PluginFolderTrust(UID + 1);
        }
        PluginFolder folder = new PluginFolder(plugins, getClass().getClassLoader(), Optional.of(trust), true);
        assertThatThrownBy(folder::load).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(plugins.toRealPath() + ": plugins folder is owned by uid ");
        assertThat(marker).doesNotExist();
    }
}
