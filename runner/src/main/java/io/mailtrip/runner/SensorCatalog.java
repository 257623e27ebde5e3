package io.mailtrip.runner;

import io.mailtrip.spi.SensorProvider;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sensor providers the runner can use: those on its own class path first, then those of the
 * plugin jars, plus the warnings met while looking (a broken jar, a duplicate id).
 *
 * @param providers  usable providers, ids unique, built-in ones first
 * @param warnings   one line per jar or provider that was skipped, naming it
 * @param pluginsDir the folder searched for plugin jars (named in "unknown sensor" errors)
 */
public record SensorCatalog(List<SensorProvider> providers, List<String> warnings, Path pluginsDir) {

    public SensorCatalog {
        providers = List.copyOf(providers);
        warnings = List.copyOf(warnings);
    }

    public Optional<SensorProvider> find(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** {@code "a, b"}, or {@code "none"}. */
    public String ids() {
        return providers.isEmpty() ? "none"
                : providers.stream().map(SensorProvider::id).collect(Collectors.joining(", "));
    }

    /** The message for a configuration that names a sensor nobody provides. */
    public String unknownSensor(String id) {
        return "unknown sensor '" + id + "' (known: " + ids() + "; plugins folder: " + pluginsDir + ")";
    }
}
