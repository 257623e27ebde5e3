package io.mailtrip.jenkins;

import hudson.util.Secret;
import io.mailtrip.jenkins.core.FieldKind;
import io.mailtrip.jenkins.core.FormField;
import io.mailtrip.jenkins.core.FormModel;
import net.sf.json.JSONObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of one generated form as Jenkins stores them (text by field name, lone secrets encrypted),
 * shared by the instance form and the global defaults form so both read, show and hand values to core
 * the same way. No field name is typed here: the fields come from core's {@link FormModel}.
 *
 * @param values  text values by field name; blank means "inherit"
 * @param secrets secret fields' values, encrypted
 */
record GeneratedFormValues(List<SettingValue> values, List<SecretSettingValue> secrets) {

    GeneratedFormValues {
        values = values == null ? List.of() : List.copyOf(values);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    /** Reads exactly the setting and credentials fields of {@code model} from a submitted form part. */
    static GeneratedFormValues read(FormModel model, JSONObject json) {
        List<SettingValue> values = new ArrayList<>();
        List<SecretSettingValue> secrets = new ArrayList<>();
        for (FormField field : model.fields()) {
            switch (field.kind()) {
                case INSTANCE_ID, SENSOR_ID -> { }
                case SECRET -> secrets.add(new SecretSettingValue(field.name(),
                        Secret.fromString(json.optString(field.name(), ""))));
                default -> values.add(new SettingValue(field.name(), json.optString(field.name(), "")));
            }
        }
        return new GeneratedFormValues(values, secrets);
    }

    /**
     * A field's value for the generated Jelly ({@code instance[field]}, {@code instance.get('key')}): a
     * {@link Secret} for secret fields, text otherwise, empty when unset (the form's "inherit").
     */
    Object shown(FormModel model, String field) {
        Optional<FormField> formField = model.field(field);
        if (formField.isEmpty()) {
            return null;
        }
        if (formField.get().kind() == FieldKind.SECRET) {
            return secrets.stream().filter(s -> s.getKey().equals(field)).map(SecretSettingValue::getValue)
                    .findFirst().orElse(null);
        }
        return values.stream().filter(v -> v.getKey().equals(field)).map(SettingValue::getValue).findFirst()
                .orElse("");
    }

    /** The values as core's binding reads them; secrets in clear only when asked, and only in memory. */
    Map<String, String> asForm(boolean withSecrets) {
        Map<String, String> form = new LinkedHashMap<>();
        values.forEach(v -> form.put(v.getKey(), v.getValue()));
        if (withSecrets) {
            secrets.forEach(s -> form.put(s.getKey(), Secret.toString(s.getValue())));
        }
        return form;
    }
}
