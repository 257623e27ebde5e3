package io.mailtrip.jenkins;

import hudson.util.FormValidation;
import hudson.util.Secret;
import io.mailtrip.jenkins.core.FieldCheck;
import io.mailtrip.jenkins.core.FieldKind;
import io.mailtrip.jenkins.core.FormField;
import io.mailtrip.jenkins.core.FormModel;
import org.kohsuke.stapler.StaplerRequest2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the browser posts to a generated field's {@code field/<name>/check} endpoint, in both forms: the
 * field's value and the values of the fields it depends on ({@code checkDependsOn}).
 *
 * @param value  the field's value, a secret's decrypted (an unchanged password field posts its encrypted form)
 * @param others the other posted fields by name
 */
record FieldCheckRequest(String value, Map<String, String> others) {

    private static final String VALUE = "value";

    static FieldCheckRequest of(StaplerRequest2 req, FormModel model, String field) {
        Map<String, String> others = new LinkedHashMap<>();
        req.getParameterMap().forEach((key, vals) -> {
            if (vals.length > 0 && !key.equals(VALUE)) {
                others.put(key, vals[0]);
            }
        });
        String value = Optional.ofNullable(req.getParameter(VALUE)).orElse("");
        if (model.field(field).map(FormField::kind).filter(FieldKind.SECRET::equals).isPresent()) {
            value = Secret.toString(Secret.fromString(value));
        }
        return new FieldCheckRequest(value, others);
    }

    static FormValidation toJenkins(FieldCheck check) {
        return check.passed() ? FormValidation.ok() : FormValidation.error(check.message());
    }
}
