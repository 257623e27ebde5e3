package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the submitted values of a generated sensor form to the SPI's {@link Settings}: host fields are
 * checked here, credentials ids are swapped for the user and password they stand for, and everything
 * else is left to {@link Settings#parse}, whose problems are mapped back to the form field that shows
 * the setting. No setting rule is repeated here.
 */
public final class FormBinding {

    /** Instance ids name files and URLs elsewhere (the runner), so they stay this plain here too. */
    public static final Pattern INSTANCE_ID_PATTERN = Pattern.compile("[A-Za-z0-9._-]+");
    /** The instance id rule in words, for messages and help. */
    public static final String INSTANCE_ID_RULE = "letters, digits, '.', '_' and '-' only";
    private static final String CREDENTIAL_KIND = "a username with password credential";

    private final FormModel model;

    public FormBinding(FormModel model) {
        this.model = model;
    }

    public FormModel model() {
        return model;
    }

    /** Every field name the binding reads; the generated form names no other. */
    public Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        model.fields().forEach(f -> names.add(f.name()));
        return names;
    }

    /**
     * @param form        submitted values by field name; blank means unset (the setting's default applies)
     * @param credentials resolves credentials field values
     * @throws FormBindingException listing every bad field
     */
    public BoundInstance bind(Map<String, String> form, CredentialsLookup credentials) {
        Attempt attempt = attempt(form, credentials);
        if (!attempt.problems().isEmpty()) {
            throw new FormBindingException(attempt.problems());
        }
        return new BoundInstance(form.get(FormModel.INSTANCE_ID).strip(), attempt.settings().orElseThrow());
    }

    /** Every problem of a submitted form, in form order; empty when it binds. */
    public List<FieldProblem> problems(Map<String, String> form, CredentialsLookup credentials) {
        return attempt(form, credentials).problems();
    }

    private record Attempt(List<FieldProblem> problems, Optional<Settings> settings) {
    }

    private Attempt attempt(Map<String, String> form, CredentialsLookup credentials) {
        Set<FieldProblem> problems = new LinkedHashSet<>();
        for (String name : form.keySet()) {
            if (model.field(name).isEmpty()) {
                problems.add(new FieldProblem(name, "unknown field of the " + model.descriptor().id()
                        + " form (known: " + String.join(", ", fieldNames()) + ")"));
            }
        }
        hostFields(form, problems);
        Map<String, String> raw = new LinkedHashMap<>();
        for (FormField field : model.fields()) {
            String value = form.get(field.name());
            if (field.isSetting() && value != null) {
                raw.put(field.name(), value);
            } else if (field.kind() == FieldKind.CREDENTIALS && value != null && !value.isBlank()) {
                CredentialPair pair = field.pair().orElseThrow();
                Optional<UsernamePassword> found = credentials.find(value.strip());
                if (found.isPresent()) {
                    raw.put(pair.userKey(), found.get().username());
                    raw.put(pair.passwordKey(), found.get().password());
                } else {
                    problems.add(new FieldProblem(field.name(), "no username with password credential with id '"
                            + value.strip() + "' is visible to Jenkins"));
                }
            }
        }
        Optional<Settings> settings = Optional.empty();
        try {
            settings = Optional.of(Settings.parse(model.descriptor(), raw));
        } catch (ConfigurationException e) {
            // A credentials field whose id was not found already says so; "required" would only repeat it.
            Set<String> reported = new LinkedHashSet<>();
            problems.forEach(p -> reported.add(p.field()));
            e.problems().stream().map(this::toField).filter(p -> !reported.contains(p.field()))
                    .forEach(problems::add);
        }
        return new Attempt(sortedByForm(problems), problems.isEmpty() ? settings : Optional.empty());
    }

    private void hostFields(Map<String, String> form, Set<FieldProblem> problems) {
        String instanceId = Optional.ofNullable(form.get(FormModel.INSTANCE_ID)).map(String::strip).orElse("");
        if (instanceId.isEmpty()) {
            problems.add(new FieldProblem(FormModel.INSTANCE_ID, "is required (" + INSTANCE_ID_RULE + ")"));
        } else if (!INSTANCE_ID_PATTERN.matcher(instanceId).matches()) {
            problems.add(new FieldProblem(FormModel.INSTANCE_ID, "'" + instanceId + "' may contain "
                    + INSTANCE_ID_RULE));
        }
        String sensorId = Optional.ofNullable(form.get(FormModel.SENSOR_ID)).map(String::strip).orElse("");
        if (!sensorId.equals(model.descriptor().id())) {
            problems.add(new FieldProblem(FormModel.SENSOR_ID, (sensorId.isEmpty() ? "is missing" : "is '"
                    + sensorId + "'") + " but this form is for sensor " + model.descriptor().id()));
        }
    }

    /**
     * A problem of a setting shown by a credentials field is reported on that field. "Required" for the
     * user and for the password is one thing to fix there, so both become the same line.
     */
    private FieldProblem toField(ConfigurationProblem problem) {
        String field = model.fieldOf(problem.key());
        if (field.equals(problem.key())) {
            return new FieldProblem(field, problem.message());
        }
        if (problem.message().startsWith("is required")) {
            String rule = model.descriptor().setting(problem.key()).map(SettingDescriptor::visibility)
                    .map(v -> v.describe()).orElse("");
            return new FieldProblem(field, "is required" + (rule.isEmpty() ? "" : " when " + rule)
                    + " (" + CREDENTIAL_KIND + ")");
        }
        return new FieldProblem(field, problem.line());
    }

    private List<FieldProblem> sortedByForm(Set<FieldProblem> problems) {
        List<String> order = new ArrayList<>(fieldNames());
        List<FieldProblem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> Integer.compare(rank(order, a.field()), rank(order, b.field())));
        return sorted;
    }

    private static int rank(List<String> order, String field) {
        int index = order.indexOf(field);
        return index < 0 ? -1 : index;
    }
}
