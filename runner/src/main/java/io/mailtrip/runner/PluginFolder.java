package io.mailtrip.runner;

import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.spi.SensorProvider;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds sensor providers on the runner's class path and in every {@code *.jar} of a plugins folder.
 * Each jar gets its own class loader whose parent is the runner's, so the SPI types are shared and
 * plugins cannot see each other's dependencies. A jar that cannot be used becomes a warning, never
 * a failure of the others. Before any jar is opened the folder must pass {@link PluginFolderTrust}
 * (unless the trust check is switched off for development): an untrusted folder or jar is a
 * configuration error, and no plugin code runs.
 */
public final class PluginFolder {

    private static final String SERVICE_FILE = "META-INF/services/" + SensorProvider.class.getName();

    static final String INSECURE_OPTION = "--insecure-plugin-folder";

    private final Path dir;
    private final ClassLoader parent;
    private final Optional<PluginFolderTrust> trust;
    private final boolean checked;

    /** A folder whose trust is checked for this process's user. */
    public PluginFolder(Path dir, ClassLoader parent) {
        this(dir, parent, true);
    }

    /** @param checkTrust false only for development ({@value #INSECURE_OPTION}) */
    public PluginFolder(Path dir, ClassLoader parent, boolean checkTrust) {
        this(dir, parent, checkTrust ? PluginFolderTrust.forThisProcess() : Optional.empty(), checkTrust);
    }

    PluginFolder(Path dir, ClassLoader parent, Optional<PluginFolderTrust> trust, boolean checked) {
        this.dir = dir;
        this.parent = parent;
        this.trust = trust;
        this.checked = checked;
    }

    /**
     * Built-in providers first, then the plugins' in file-name order; later duplicates are dropped.
     *
     * @throws ConfigurationException when the folder, a folder above it or a jar in it is not trusted
     */
    public SensorCatalog load() {
        List<SensorProvider> providers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        SensorProviders.Found builtIn = SensorProviders.load(parent);
        builtIn.errors().forEach(e -> warnings.add("class path: sensor provider skipped: " + e));
        builtIn.providers().forEach(p -> add(p, "class path", providers, ids, warnings));
        List<Path> jars = jars(warnings);
        if (Files.isDirectory(dir)) {
            checkTrust(jars, warnings);
        }
        for (Path jar : jars) {
            loadJar(jar, providers, ids, warnings);
        }
        return new SensorCatalog(providers, warnings, dir);
    }

    private void checkTrust(List<Path> jars, List<String> warnings) {
        if (trust.isEmpty()) {
            warnings.add(dir + ": plugins folder loaded without checking its owner and mode ("
                    + (checked ? "the file system has none" : INSECURE_OPTION) + ")");
            return;
        }
        List<ConfigurationProblem> problems = new ArrayList<>(trust.get().folderProblems(dir));
        jars.forEach(jar -> trust.get().jarProblem(jar).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems.stream().map(p -> new ConfigurationProblem(p.key(), p.message()
                    + "; no plugin is loaded (" + INSECURE_OPTION + " skips this check, for development)")).toList());
        }
    }

    private List<Path> jars(List<String> warnings) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            warnings.add(dir + ": plugins folder not readable (" + e.getClass().getSimpleName() + ")");
            return List.of();
        }
    }

    private void loadJar(Path jar, List<SensorProvider> providers, Set<String> ids, List<String> warnings) {
        // URLClassLoader silently ignores a jar it cannot open; open it first to say why it is skipped.
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(SERVICE_FILE) == null) {
                warnings.add(jar + ": no sensor provider (" + SERVICE_FILE + " missing)");
                return;
            }
        } catch (IOException | SecurityException e) {
            warnings.add(jar + ": not a readable jar (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return;
        }
        URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url(jar)}, parent);
        SensorProviders.Found found = SensorProviders.load(loader);
        found.errors().forEach(e -> warnings.add(jar + ": sensor provider skipped: " + e));
        // The plugin loader also sees the parent's providers; only the jar's own classes belong to it.
        List<SensorProvider> own = found.providers().stream()
                .filter(p -> p.getClass().getClassLoader() == loader).toList();
        if (own.isEmpty() && found.errors().isEmpty()) {
            warnings.add(jar + ": no sensor provider could be loaded");
        }
        own.forEach(p -> add(p, jar.toString(), providers, ids, warnings));
    }

    private static void add(SensorProvider provider, String origin, List<SensorProvider> providers, Set<String> ids,
                            List<String> warnings) {
        String id;
        try {
            id = provider.id();
            provider.descriptor();
        } catch (RuntimeException | LinkageError e) {
            warnings.add(origin + ": sensor provider " + provider.getClass().getName() + " skipped ("
                    + e.getClass().getSimpleName() + ")");
            return;
        }
        if (!ids.add(id)) {
            warnings.add(origin + ": sensor '" + id + "' ignored, the id is already provided");
            return;
        }
        providers.add(provider);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("a file path always makes a URL: " + jar, e);
        }
    }
}
