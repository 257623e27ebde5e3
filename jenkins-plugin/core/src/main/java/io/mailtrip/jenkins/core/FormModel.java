package io.mailtrip.jenkins.core;

import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingSection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Jenkins form of one sensor, derived from its metadata alone: the host fields (instance id, hidden
 * sensor id), then one section per setting section, with each user and password pair folded into one
 * credentials field. The renderer draws it and {@link FormBinding} reads it, so a field the form shows
 * is always one the binding knows. The global defaults form ({@link FormScope#DEFAULTS}) has the same
 * setting fields without the host fields.
 */
public final class FormModel {

    /** Field of the instance id, which names the instance on the status page and in history. */
    public static final String INSTANCE_ID = "instanceId";
    /** Hidden field that ties a submitted form to the sensor it was generated for. */
    public static final String SENSOR_ID = "sensorId";

    private final SensorDescriptor descriptor;
    private final FormScope scope;
    private final List<FormSection> sections;
    private final Map<String, FormField> fieldsByName = new LinkedHashMap<>();

    private FormModel(SensorDescriptor descriptor, FormScope scope, List<FormSection> sections) {
        this.descriptor = descriptor;
        this.scope = scope;
        this.sections = List.copyOf(sections);
        for (FormSection section : sections) {
            for (FormField field : section.fields()) {
                if (fieldsByName.put(field.name(), field) != null) {
                    throw new IllegalArgumentException("sensor " + descriptor.id() + " gives two form fields named "
                            + field.name());
                }
            }
        }
    }

    /** The form of one sensor instance. */
    public static FormModel of(SensorDescriptor descriptor) {
        return of(descriptor, FormScope.INSTANCE);
    }

    /** The global defaults form: the same setting fields, no host fields. */
    public static FormModel defaultsOf(SensorDescriptor descriptor) {
        return of(descriptor, FormScope.DEFAULTS);
    }

    private static FormModel of(SensorDescriptor descriptor, FormScope scope) {
        List<CredentialPair> pairs = CredentialPair.of(descriptor);
        List<FormSection> sections = new ArrayList<>();
        if (scope == FormScope.INSTANCE) {
            sections.add(new FormSection("", List.of(
                    new FormField(INSTANCE_ID, FieldKind.INSTANCE_ID, "Instance id", Optional.empty(), Optional.empty()),
                    new FormField(SENSOR_ID, FieldKind.SENSOR_ID, "Sensor", Optional.empty(), Optional.empty()))));
        }
        for (SettingSection section : descriptor.sections()) {
            List<FormField> fields = new ArrayList<>();
            for (SettingDescriptor setting : section.settings()) {
                Optional<CredentialPair> pair = pairs.stream().filter(p -> p.covers(setting.key())).findFirst();
                if (pair.isEmpty()) {
                    fields.add(new FormField(setting.key(), kindOf(setting), setting.label(), Optional.of(setting),
                            Optional.empty()));
                } else if (pair.get().userKey().equals(setting.key())) {
                    SettingDescriptor password = descriptor.setting(pair.get().passwordKey()).orElseThrow();
                    fields.add(new FormField(pair.get().field(), FieldKind.CREDENTIALS,
                            setting.label() + " and " + password.label(), Optional.empty(), pair));
                }
            }
            sections.add(new FormSection(section.label(), fields));
        }
        return new FormModel(descriptor, scope, sections);
    }

    private static FieldKind kindOf(SettingDescriptor setting) {
        return switch (setting.type()) {
            case INTEGER -> FieldKind.NUMBER;
            case BOOLEAN -> FieldKind.YES_NO;
            case ENUM -> FieldKind.CHOICE;
            case SECRET -> FieldKind.SECRET;
            case STRING, EMAIL, HOST, LIST, PATH -> FieldKind.TEXT;
        };
    }

    public SensorDescriptor descriptor() {
        return descriptor;
    }

    public FormScope scope() {
        return scope;
    }

    public List<FormSection> sections() {
        return sections;
    }

    /** Every field, in form order. */
    public List<FormField> fields() {
        return List.copyOf(fieldsByName.values());
    }

    public Optional<FormField> field(String name) {
        return Optional.ofNullable(fieldsByName.get(name));
    }

    /** The credentials fields, one per user and password pair. */
    public List<CredentialPair> credentialPairs() {
        return fieldsByName.values().stream().flatMap(f -> f.pair().stream()).toList();
    }

    /** The field that shows {@code settingKey}: the setting itself, or the credentials field of its pair. */
    public String fieldOf(String settingKey) {
        return credentialPairs().stream().filter(p -> p.covers(settingKey)).map(CredentialPair::field)
                .findFirst().orElse(settingKey);
    }

    /**
     * The settings whose values decide whether {@code settingKey} applies, nearest first: the chain of
     * visibility rules. A live check sends them along, so it judges the field as the full form would.
     */
    public List<String> dependsOn(String settingKey) {
        List<String> keys = new ArrayList<>();
        List<String> pending = new ArrayList<>(List.of(settingKey));
        while (!pending.isEmpty()) {
            Optional<SettingDescriptor> setting = descriptor.setting(pending.remove(0));
            for (String controlling : setting.map(s -> s.visibility().controllingKeys()).orElse(List.of())) {
                if (!keys.contains(controlling)) {
                    keys.add(controlling);
                    pending.add(controlling);
                }
            }
        }
        return keys;
    }
}
