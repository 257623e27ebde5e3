package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ConfigurationProblem;

import io.mailtrip.host.SettingOrigin;
import io.mailtrip.host.SettingsLayer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One submitted form, a sensor instance's or the global defaults, read as one level of the SPI's
 * settings hierarchy: blank fields are left out (blank means "inherit"), and each credentials id is
 * swapped for the user and password it stands for. Unknown fields and credentials ids are this form's
 * problems; the setting rules are left to the SPI.
 *
 * @param layer    the setting values of this form, by setting key
 * @param problems unknown fields and credentials ids not found, in form order
 */
record FormLayer(SettingsLayer layer, List<ConfigurationProblem> problems) {

    FormLayer {
        problems = List.copyOf(problems);
    }

    static FormLayer read(FormModel model, SettingOrigin origin, Map<String, String> form,
                          CredentialsLookup credentials) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        for (String name : form.keySet()) {
            if (model.field(name).isEmpty()) {
                problems.add(new ConfigurationProblem(name, "unknown field of the " + model.descriptor().id()
                        + (model.scope() == FormScope.DEFAULTS ? " global defaults" : " form") + " (known: "
                        + String.join(", ", model.fields().stream().map(FormField::name).toList()) + ")"));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField field : model.fields()) {
            String value = Optional.ofNullable(form.get(field.name())).map(String::strip).orElse("");
            if (value.isEmpty()) {
                continue;
            }
            if (field.isSetting()) {
                // The unstripped value: whether surrounding blanks are allowed is the SPI's rule.
                values.put(field.name(), form.get(field.name()));
            } else if (field.kind() == FieldKind.CREDENTIALS) {
                CredentialPair pair = field.pair().orElseThrow();
                Optional<UsernamePassword> found = credentials.find(value);
                if (found.isPresent()) {
                    values.put(pair.userKey(), found.get().username());
                    values.put(pair.passwordKey(), found.get().password());
                } else {
                    problems.add(new ConfigurationProblem(field.name(), "no username with password credential with id '"
                            + value + "' is visible to Jenkins"));
                }
            }
        }
        return new FormLayer(new SettingsLayer(origin, values, Optional.empty()), problems);
    }
}
