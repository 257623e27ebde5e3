package io.mailtrip.jenkins.core;

import java.util.LinkedHashMap;
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
     * @param field       the field being edited
     * @param value       its current value
     * @param otherValues values of other fields the browser sent along (the ones the field depends on)
     * @param credentials resolves a credentials field's id
     */
    public FieldCheck check(String field, String value, Map<String, String> otherValues,
                            CredentialsLookup credentials) {
        if (binding.model().field(field).isEmpty()) {
            return FieldCheck.error("unknown field of the " + binding.model().descriptor().id() + " form");
        }
        Map<String, String> form = new LinkedHashMap<>();
        otherValues.forEach((name, other) -> {
            if (binding.model().field(name).isPresent()) {
                form.put(name, other);
            }
        });
        form.put(field, value);
        return binding.problems(form, credentials).stream().filter(p -> p.field().equals(field)).findFirst()
                .map(p -> FieldCheck.error(p.message())).orElse(FieldCheck.ok());
    }
}
