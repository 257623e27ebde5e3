package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ConfigurationProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live check of one form field while the user types. It binds the whole form through
 * {@link FormBinding} with the field's new value and keeps only that field's problem, so the rule
 * shown beside the field is exactly the rule applied on save (the SPI's own), and a field that does
 * not apply under the other values passes.
 */
public final class FieldValidation {

    private final FormBinding binding;

    public FieldValidation(FormBinding binding) {
        this.binding = binding;
    }

    /**
     * A field of an instance form. An empty field that a global default fills passes.
     *
     * @param field       the field being edited
     * @param value       its current value
     * @param otherValues values of other fields the browser sent along (the ones the field depends on)
     * @param defaults    the saved global defaults, by field name
     * @param credentials resolves a credentials field's id
     */
    public FieldCheck check(String field, String value, Map<String, String> otherValues, Map<String, String> defaults,
                            CredentialsLookup credentials) {
        if (binding.model().field(field).isEmpty()) {
            return FieldCheck.error("unknown field of the " + binding.model().descriptor().id() + " form");
        }
        return firstOf(field, binding.problems(form(binding.model(), field, value, otherValues), defaults,
                credentials));
    }

    /** A field of the global defaults form: its value's rules only, since nothing is required there. */
    public FieldCheck checkDefault(String field, String value, Map<String, String> otherValues,
                                   CredentialsLookup credentials) {
        if (binding.defaultsModel().field(field).isEmpty()) {
            return FieldCheck.error("unknown field of the " + binding.model().descriptor().id() + " global defaults");
        }
        return firstOf(field, binding.defaultsProblems(form(binding.defaultsModel(), field, value, otherValues),
                credentials));
    }

    private static Map<String, String> form(FormModel model, String field, String value,
                                            Map<String, String> otherValues) {
        Map<String, String> form = new LinkedHashMap<>();
        otherValues.forEach((name, other) -> {
            if (model.field(name).isPresent()) {
                form.put(name, other);
            }
        });
        form.put(field, value);
        return form;
    }

    private static FieldCheck firstOf(String field, List<ConfigurationProblem> problems) {
        return problems.stream().filter(p -> p.key().equals(field)).findFirst()
                .map(p -> FieldCheck.error(p.message())).orElse(FieldCheck.ok());
    }
}
