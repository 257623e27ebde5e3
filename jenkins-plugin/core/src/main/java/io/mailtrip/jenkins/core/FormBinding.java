package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.host.InheritedSettings;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.host.SettingOrigin;
import io.mailtrip.spi.Settings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the submitted values of a generated sensor form to the SPI's {@link Settings}: host fields are
 * checked here, credentials ids are swapped for the user and password they stand for, the instance's
 * values are layered over the global defaults with the SPI's {@link InheritedSettings}, and everything
 * else is left to {@link Settings#parse}, whose problems are mapped back to the form field that shows
 * the setting. No setting rule is repeated here.
 */
public final class FormBinding {

    /** Instance ids name files and URLs elsewhere (the runner), so they stay this plain here too. */
    public static final Pattern INSTANCE_ID_PATTERN = Pattern.compile("[A-Za-z0-9._-]+");
    /** The instance id rule in words, for messages and help. */
    public static final String INSTANCE_ID_RULE = "letters, digits, '.', '_' and '-' only";
    /** Level of an instance's own values; its name is the instance id ({@code sensor mail1}). */
    public static final String SENSOR_LEVEL = "sensor";
    /** Where the global defaults' values come from: the root of the hierarchy. */
    public static final SettingOrigin GLOBAL_DEFAULTS = new SettingOrigin("global", "defaults");
    private static final String CREDENTIAL_KIND = "a username with password credential";

    private final FormModel model;
    private final FormModel defaultsModel;

    /** @param model the instance form; the global defaults form is derived from the same descriptor */
    public FormBinding(FormModel model) {
        if (model.scope() != FormScope.INSTANCE) {
            throw new IllegalArgumentException("a form binding reads the instance form, not the " + model.scope());
        }
        this.model = model;
        this.defaultsModel = FormModel.defaultsOf(model.descriptor());
    }

    public FormModel model() {
        return model;
    }

    public FormModel defaultsModel() {
        return defaultsModel;
    }

    /** Every field name the binding reads; the generated form names no other. */
    public Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        model.fields().forEach(f -> names.add(f.name()));
        return names;
    }

    /** As {@link #bind(Map, Map, CredentialsLookup)} without global defaults. */
    public BoundInstance bind(Map<String, String> form, CredentialsLookup credentials) {
        return bind(form, Map.of(), credentials);
    }

    /**
     * @param form        submitted values by field name; blank means unset (the global default applies,
     *                    else the setting's default)
     * @param defaults    the global defaults by field name, as their form stores them
     * @param credentials resolves credentials field values of both
     * @throws FormBindingException listing every bad field
     */
    public BoundInstance bind(Map<String, String> form, Map<String, String> defaults, CredentialsLookup credentials) {
        Attempt attempt = attempt(form, defaults, credentials);
        if (!attempt.problems().isEmpty()) {
            throw new FormBindingException(attempt.problems());
        }
        return new BoundInstance(instanceId(form), attempt.settings().orElseThrow(), attempt.inherited());
    }

    /** As {@link #problems(Map, Map, CredentialsLookup)} without global defaults. */
    public List<FieldProblem> problems(Map<String, String> form, CredentialsLookup credentials) {
        return problems(form, Map.of(), credentials);
    }

    /**
     * Every problem of a submitted instance form, in form order; empty when it binds. A problem of a
     * value the instance inherits says so: {@code (inherited from global defaults)}.
     */
    public List<FieldProblem> problems(Map<String, String> form, Map<String, String> defaults,
                                      CredentialsLookup credentials) {
        return attempt(form, defaults, credentials).problems();
    }

    /**
     * Every problem of the global defaults form on its own: unknown fields and credentials, and each
     * value that breaks its setting's rules. Nothing is required there, so settings no default sets are
     * not judged; each instance is, when it binds.
     */
    public List<FieldProblem> defaultsProblems(Map<String, String> defaults, CredentialsLookup credentials) {
        FormLayer root = FormLayer.read(defaultsModel, GLOBAL_DEFAULTS, defaults, credentials);
        Set<FieldProblem> problems = new LinkedHashSet<>(root.problems());
        try {
            Settings.parse(model.descriptor(), root.layer().values());
        } catch (ConfigurationException e) {
            e.problems().stream().filter(p -> root.layer().values().containsKey(p.key())).map(this::toField)
                    .filter(p -> notReported(problems, p.field())).forEach(problems::add);
        }
        return sortedByForm(problems);
    }

    private record Attempt(List<FieldProblem> problems, Optional<Settings> settings, InheritedSettings inherited) {
    }

    private Attempt attempt(Map<String, String> form, Map<String, String> defaults, CredentialsLookup credentials) {
        FormLayer own = FormLayer.read(model, new SettingOrigin(SENSOR_LEVEL, instanceId(form)), form, credentials);
        Set<FieldProblem> problems = new LinkedHashSet<>(own.problems());
        hostFields(form, problems);
        FormLayer root = FormLayer.read(defaultsModel, GLOBAL_DEFAULTS, defaults, credentials);
        // The defaults form reports its own unknown fields; a credential it names but Jenkins lacks is a
        // problem of every instance that inherits it.
        root.problems().stream().filter(p -> model.field(p.field()).isPresent())
                .filter(p -> isBlank(form.get(p.field())))
                .map(p -> new FieldProblem(p.field(), p.message() + inheritedFrom(GLOBAL_DEFAULTS)))
                .forEach(problems::add);
        InheritedSettings inherited = InheritedSettings.resolve(model.descriptor(), List.of(own.layer(), root.layer()));
        Optional<Settings> settings = Optional.empty();
        try {
            settings = Optional.of(Settings.parse(model.descriptor(), inherited.values()));
        } catch (ConfigurationException e) {
            // A credentials field whose id was not found already says so; "required" would only repeat it.
            Set<FieldProblem> reported = Set.copyOf(problems);
            // One line per field: a credentials field carries a user and a password setting, and the
            // password's rule (the narrower one) is the line to show.
            Map<String, FieldProblem> byField = new java.util.LinkedHashMap<>();
            e.problems().stream().map(p -> inherited(toField(p), inherited.origin(p.key())))
                    .filter(p -> notReported(reported, p.field())).forEach(p -> byField.put(p.field(), p));
            problems.addAll(byField.values());
        }
        return new Attempt(sortedByForm(problems), problems.isEmpty() ? settings : Optional.empty(), inherited);
    }

    private static String instanceId(Map<String, String> form) {
        return Optional.ofNullable(form.get(FormModel.INSTANCE_ID)).map(String::strip).orElse("");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean notReported(Set<FieldProblem> problems, String field) {
        return problems.stream().noneMatch(p -> p.field().equals(field));
    }

    /** A value the instance did not set itself is fixed where it came from, so the message says where. */
    private static FieldProblem inherited(FieldProblem problem, SettingOrigin origin) {
        return origin.equals(GLOBAL_DEFAULTS) ? new FieldProblem(problem.field(), problem.message()
                + inheritedFrom(origin)) : problem;
    }

    private static String inheritedFrom(SettingOrigin origin) {
        return " (inherited from " + origin.describe() + ")";
    }

    private void hostFields(Map<String, String> form, Set<FieldProblem> problems) {
        String instanceId = instanceId(form);
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
