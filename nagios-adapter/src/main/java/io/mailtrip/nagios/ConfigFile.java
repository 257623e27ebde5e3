package io.mailtrip.nagios;

import io.mailtrip.host.SettingOrigin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code --config} file holds, without any YAML type (only {@link YamlSettingsFile} touches the
 * parser): either a flat map of setting keys, or the runner's hierarchy of root {@code defaults},
 * {@code groups} and {@code devices}, of which {@code --device} picks one.
 *
 * @param path         the file, as given
 * @param hierarchical true for a file with {@code defaults}/{@code groups}/{@code devices}/{@code sensors}
 * @param defaults     the flat file's settings, or the hierarchy's root {@code defaults}
 * @param groups       group name → its settings; empty for a flat file
 * @param devices      device name → device; empty for a flat file
 */
record ConfigFile(Path path, boolean hierarchical, Map<String, SourcedValue> defaults,
                  Map<String, Map<String, SourcedValue>> groups, Map<String, Device> devices) {

    /** The level name of the hierarchy's {@code defaults} section in origins: {@code root defaults}. */
    static final SettingOrigin ROOT = new SettingOrigin("root", "defaults");

    ConfigFile {
        // Ordered as written: notes and listings follow the file.
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        devices = Collections.unmodifiableMap(new LinkedHashMap<>(devices));
    }

    /**
     * One entry of {@code devices}.
     *
     * @param group      its group, or {@code null}
     * @param host       its host name (the sensor's target host unless set), or {@code null}
     * @param hostSource where {@code host} is written, for messages
     * @param settings   its settings
     */
    record Device(String group, String host, String hostSource, Map<String, SourcedValue> settings) {
        Device {
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }
    }

    /** What error lines call the file: {@code --config /etc/nagios/mailtrip.yml}. */
    String where() {
        return "--config " + path;
    }

    /**
     * The file's levels for the sensor, nearest first: {@code device}, its group, the root defaults; just the
     * root defaults without a device; the whole file for a flat one.
     *
     * @param device {@code --device}, or {@code null}
     * @throws UsageException naming {@code --device} when the file has no such device
     */
    List<SourcedLayer> layers(String device) {
        if (!hierarchical) {
            if (device != null) {
                throw new UsageException("--device", "needs a --config file with a devices section, but " + path
                        + " is a flat map of settings");
            }
            return List.of(SourcedLayer.of(new SettingOrigin("--config", path.toString()), defaults));
        }
        List<SourcedLayer> layers = new ArrayList<>();
        if (device != null) {
            Device chosen = devices.get(device);
            if (chosen == null) {
                throw new UsageException("--device", "'" + device + "' is not a device of " + where()
                        + (devices.isEmpty() ? " (it has no devices section)"
                        : " (devices: " + String.join(", ", devices.keySet().stream().sorted().toList()) + ")"));
            }
            layers.add(SourcedLayer.device(device, chosen.host(), chosen.hostSource(), chosen.settings()));
            if (chosen.group() != null) {
                layers.add(SourcedLayer.of(new SettingOrigin("group", chosen.group()), groups.get(chosen.group())));
            }
        }
        layers.add(SourcedLayer.of(ROOT, defaults));
        return layers;
    }
}
