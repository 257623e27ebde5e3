package io.mailtrip.host;

import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one resolver of inherited settings, used by every host: a value comes from the sensor itself,
 * else the nearest ancestor that sets it (device, then group, then root), else the metadata default.
 * A device's host counts as the device's value of the {@link SettingRole#TARGET_HOST} setting (the
 * "parent device"), unless the device sets that setting itself. Each value knows where it came from.
 */
public final class InheritedSettings {

    private final SensorDescriptor descriptor;
    private final Map<String, String> values;
    private final Map<String, SettingOrigin> origins;
    private final List<String> unusedAncestorKeys;

    private InheritedSettings(SensorDescriptor descriptor, Map<String, String> values,
                              Map<String, SettingOrigin> origins, List<String> unusedAncestorKeys) {
        this.descriptor = descriptor;
        this.values = values;
        this.origins = origins;
        this.unusedAncestorKeys = unusedAncestorKeys;
    }

    /**
     * @param layers nearest first: the sensor's own layer, then device, group, root. Keys of the sensor's
     *               own layer all pass on (so {@link Settings#parse} reports unknown ones); ancestors may
     *               hold keys of other sensor types, which are skipped and listed in
     *               {@link #unusedAncestorKeys()}.
     */
    public static InheritedSettings resolve(SensorDescriptor descriptor, List<SettingsLayer> layers) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SettingOrigin> origins = new LinkedHashMap<>();
        List<String> unused = new ArrayList<>();
        // Plain loops, no lambdas: the Nagios plugin's one-shot JVM pays for every bootstrap on its start-up path.
        Optional<SettingDescriptor> target = descriptor.settingFor(SettingRole.TARGET_HOST);
        String targetHost = target.isPresent() ? target.get().key() : null;
        for (int i = layers.size() - 1; i >= 0; i--) {
            SettingsLayer layer = layers.get(i);
            boolean own = i == 0;
            // A device's host is the device's value of the target-host setting ("parent device"): it
            // beats group and root values, and loses to the sensor's own and to the device's explicit one.
            if (targetHost != null && layer.host().isPresent()) {
                values.put(targetHost, layer.host().get());
                origins.put(targetHost, layer.origin());
            }
            for (Map.Entry<String, String> entry : layer.values().entrySet()) {
                String key = entry.getKey();
                if (own || descriptor.setting(key).isPresent()) {
                    values.put(key, entry.getValue());
                    origins.put(key, layer.origin());
                } else {
                    unused.add(layer.origin().describe() + ": " + key);
                }
            }
        }
        return new InheritedSettings(descriptor, values, origins, List.copyOf(unused));
    }

    /** The flat map to give {@link Settings#parse}: every value some level set. */
    public Map<String, String> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Where {@code key}'s value came from; the metadata default when no level set it. */
    public SettingOrigin origin(String key) {
        return origins.getOrDefault(key, SettingOrigin.metadataDefault());
    }

    /** Ancestor keys that are no setting of this sensor ({@code group eu: fooBar}). */
    public List<String> unusedAncestorKeys() {
        return unusedAncestorKeys;
    }

    /**
     * Every effective setting with its origin, secrets masked, for a {@code --validate} listing:
     * {@code port = 587 (device mx1)}.
     */
    public List<String> describe(Settings settings) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> entry : settings.describe().entrySet()) {
            lines.add(entry.getKey() + " = " + entry.getValue() + " (" + origin(entry.getKey()).describe() + ")");
        }
        return lines;
    }

    public SensorDescriptor descriptor() {
        return descriptor;
    }
}
