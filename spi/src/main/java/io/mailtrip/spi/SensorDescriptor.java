package io.mailtrip.spi;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * What a sensor is, for every host: id, localized name, default tags and interval, ordered sections
 * of settings and the channels each result carries.
 */
public final class SensorDescriptor {

    private final String id;
    private final String nameBundle;
    private final ClassLoader bundleLoader;
    private final List<String> defaultTags;
    private final Duration defaultInterval;
    private final List<SettingSection> sections;
    private final List<ChannelDescriptor> channels;
    private final List<Locale> nameLocales;
    private final Map<String, SettingDescriptor> settingsByKey = new LinkedHashMap<>();

    /**
     * @param nameBundle   base name of a properties {@link ResourceBundle} holding {@code name}; files
     *                     are read as UTF-8
     * @param bundleLoader the plugin's class loader, where the bundle lives
     */
    public SensorDescriptor(String id, String nameBundle, ClassLoader bundleLoader, List<String> defaultTags,
                            Duration defaultInterval, List<SettingSection> sections,
                            List<ChannelDescriptor> channels) {
        this(id, nameBundle, bundleLoader, defaultTags, defaultInterval, sections, channels, List.of(Locale.ENGLISH));
    }

    /**
     * @param nameLocales the languages the names bundle holds, the base (fallback) language first; hosts
     *                    choose among them (an {@code Accept-Language} header, a UI locale)
     */
    public SensorDescriptor(String id, String nameBundle, ClassLoader bundleLoader, List<String> defaultTags,
                            Duration defaultInterval, List<SettingSection> sections,
                            List<ChannelDescriptor> channels, List<Locale> nameLocales) {
        this.id = id;
        this.nameLocales = List.copyOf(nameLocales);
        this.nameBundle = nameBundle;
        this.bundleLoader = bundleLoader;
        this.defaultTags = List.copyOf(defaultTags);
        this.defaultInterval = defaultInterval;
        this.sections = List.copyOf(sections);
        this.channels = List.copyOf(channels);
        for (SettingSection section : sections) {
            for (SettingDescriptor setting : section.settings()) {
                if (settingsByKey.put(setting.key(), setting) != null) {
                    throw new IllegalArgumentException("setting declared twice: " + setting.key());
                }
                if (setting.role() != SettingRole.NONE && settingsByKey.values().stream()
                        .anyMatch(other -> other != setting && other.role() == setting.role())) {
                    throw new IllegalArgumentException("two settings play role " + setting.role());
                }
                if (!setting.section().equals(section.key())) {
                    throw new IllegalArgumentException(setting.key() + " is listed in section " + section.key()
                            + " but names section " + setting.section());
                }
            }
        }
        checkControllingKeysExist();
    }

    private void checkControllingKeysExist() {
        Set<String> keys = new HashSet<>(settingsByKey.keySet());
        for (SettingDescriptor setting : settingsByKey.values()) {
            for (String controlling : setting.visibility().controllingKeys()) {
                if (!keys.contains(controlling)) {
                    throw new IllegalArgumentException(setting.key() + " depends on unknown setting " + controlling);
                }
            }
            if (setting.defaultValue() instanceof DefaultValue.Derived d && !keys.contains(d.fromKey())) {
                throw new IllegalArgumentException(setting.key() + " default depends on unknown setting "
                        + d.fromKey());
            }
        }
    }

    public String id() {
        return id;
    }

    /**
     * The sensor's name in {@code locale}, falling back to the bundle's base (English) name, never to
     * the JVM's default locale: a French operator on a German server asked for French.
     */
    public String displayName(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(nameBundle, locale, bundleLoader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString("name");
    }

    /** The languages {@link #displayName(Locale)} has a name in, the fallback first. */
    public List<Locale> nameLocales() {
        return nameLocales;
    }

    public List<String> defaultTags() {
        return defaultTags;
    }

    public Duration defaultInterval() {
        return defaultInterval;
    }

    public List<SettingSection> sections() {
        return sections;
    }

    /** Every setting, in section order. */
    public List<SettingDescriptor> settings() {
        return List.copyOf(settingsByKey.values());
    }

    public Optional<SettingDescriptor> setting(String key) {
        return Optional.ofNullable(settingsByKey.get(key));
    }

    public List<ChannelDescriptor> channels() {
        return channels;
    }

    /** The setting that plays {@code role}, if the sensor has one. */
    public Optional<SettingDescriptor> settingFor(SettingRole role) {
        return settingsByKey.values().stream().filter(s -> s.role() == role).findFirst();
    }
}
