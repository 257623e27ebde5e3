package io.mailtrip.host;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.SensorProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds sensor providers with {@link ServiceLoader}. A broken provider does not hide the others: its
 * error is kept in {@link Found#errors()}.
 */
public final class SensorProviders {

    private static final int MAX_ERRORS = 100;

    private SensorProviders() {
    }

    /** What a class loader offers. */
    public record Found(List<SensorProvider> providers, List<String> errors) {

        public Found {
            providers = List.copyOf(providers);
            errors = List.copyOf(errors);
        }

        public Optional<SensorProvider> byId(String id) {
            return providers.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        /** The provider with {@code id}, or a configuration error naming the ids that are known. */
        public SensorProvider require(String id) {
            return byId(id).orElseThrow(() -> new ConfigurationException("sensor",
                    "unknown sensor '" + id + "' (known: " + ids() + ")"));
        }

        public String ids() {
            return providers.isEmpty() ? "none"
                    : providers.stream().map(SensorProvider::id).collect(Collectors.joining(", "));
        }
    }

    /** Providers visible to {@code loader} (a plugin's own loader, for example). */
    public static Found load(ClassLoader loader) {
        List<SensorProvider> providers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        var iterator = ServiceLoader.load(SensorProvider.class, loader).iterator();
        // After an error the iterator makes a best effort to go on; a loader that keeps failing on
        // the same entry must not spin forever.
        while (errors.size() < MAX_ERRORS) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                providers.add(iterator.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                errors.add(String.valueOf(e.getMessage()).replace('\n', ' '));
            }
        }
        return new Found(providers, errors);
    }
}
