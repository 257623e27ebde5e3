package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.host.SettingOrigin;
import io.mailtrip.host.SettingsPipeline;
import io.mailtrip.host.ValueReferences;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.Settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the submitted values of a generated sensor form to the SPI's {@link Settings}: host fields are
 * checked here, credentials ids are swapped for the user and password they stand for, and the instance's
 * layer over the global defaults goes through the host kit's one {@link SettingsPipeline}, whose problems
 * come back named by the form field that shows the setting. No setting rule is repeated here.
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
    /** Jenkins resolves no references: secrets come from its credentials store, values are as written. */
    /** The defaults form judged on its own: its problems are its own, not inherited ones. */
    private static final SettingOrigin DEFAULTS_FORM = new SettingOrigin("global defaults form", "");
    private static final SettingsPipeline PIPELINE = new SettingsPipeline(ValueReferences.none());

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
     * @throws ConfigurationException listing every bad field, each problem keyed by its field name
     */
    public BoundInstance bind(Map<String, String> form, Map<String, String> defaults, CredentialsLookup credentials) {
        Attempt attempt = attempt(form, defaults, credentials);
        if (!attempt.problems().isEmpty()) {
            throw new ConfigurationException(attempt.problems());
        }
        SettingsPipeline.Resolved resolved = attempt.resolved().orElseThrow();
        return new BoundInstance(instanceId(form), resolved.settings(), resolved.inherited());
    }

    /** As {@link #problems(Map, Map, CredentialsLookup)} without global defaults. */
    public List<ConfigurationProblem> problems(Map<String, String> form, CredentialsLookup credentials) {
        return problems(form, Map.of(), credentials);
    }

    /**
     * Every problem of a submitted instance form, in form order, keyed by field name; empty when it binds.
     * A problem of a value the instance inherits says so: {@code (inherited from global defaults)}.
     */
    public List<ConfigurationProblem> problems(Map<String, String> form, Map<String, String> defaults,
                                              CredentialsLookup credentials) {
        return attempt(form, defaults, credentials).problems();
    }

    /**
     * Every problem of the global defaults form on its own: unknown fields and credentials, and each
     * value that breaks its setting's rules. Nothing is required there, so settings no default sets are
     * not judged; each instance is, when it binds.
     */
    public List<ConfigurationProblem> defaultsProblems(Map<String, String> defaults, CredentialsLookup credentials) {
        FormLayer root = FormLayer.read(defaultsModel, GLOBAL_DEFAULTS, defaults, credentials);
        Set<ConfigurationProblem> problems = new LinkedHashSet<>(root.problems());
        // Only values the defaults give are judged: a problem of a setting nobody set is left to instances.
        Set<ConfigurationProblem> given = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            PIPELINE.resolve(model.descriptor(), List.of(root.layer()), (problem, origin) -> {
                if (origin.equals(SettingOrigin.metadataDefault())) {
                    return problem;
                }
                ConfigurationProblem named = toField(problem, DEFAULTS_FORM);
                given.add(named);
                return named;
            });
        } catch (ConfigurationException e) {
            e.problems().stream().filter(given::contains).filter(p -> notReported(problems, p.key()))
                    .forEach(problems::add);
        }
        return sortedByForm(problems);
    }

    /** What an instance form bound to, or why not. */
    private record Attempt(List<ConfigurationProblem> problems, Optional<SettingsPipeline.Resolved> resolved) {
    }

    private Attempt attempt(Map<String, String> form, Map<String, String> defaults, CredentialsLookup credentials) {
        FormLayer own = FormLayer.read(model, new SettingOrigin(SENSOR_LEVEL, instanceId(form)), form, credentials);
        Set<ConfigurationProblem> problems = new LinkedHashSet<>(own.problems());
        hostFields(form, problems);
        FormLayer root = FormLayer.read(defaultsModel, GLOBAL_DEFAULTS, defaults, credentials);
        // The defaults form reports its own unknown fields; a credential it names but Jenkins lacks is a
        // problem of every instance that inherits it.
        root.problems().stream().filter(p -> model.field(p.key()).isPresent())
                .filter(p -> isBlank(form.get(p.key())))
                .map(p -> new ConfigurationProblem(p.key(), p.message() + inheritedFrom(GLOBAL_DEFAULTS)))
                .forEach(problems::add);
        Optional<SettingsPipeline.Resolved> resolved = Optional.empty();
        try {
            resolved = Optional.of(PIPELINE.resolve(model.descriptor(), List.of(own.layer(), root.layer()),
                    this::toField));
        } catch (ConfigurationException e) {
            // A credentials field whose id was not found already says so; "required" would only repeat it.
            Set<ConfigurationProblem> reported = Set.copyOf(problems);
            e.problems().stream().filter(p -> notReported(reported, p.key())).forEach(problems::add);
        }
        return new Attempt(sortedByForm(problems), problems.isEmpty() ? resolved : Optional.empty());
    }

    private static String instanceId(Map<String, String> form) {
        return Optional.ofNullable(form.get(FormModel.INSTANCE_ID)).map(String::strip).orElse("");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean notReported(Set<ConfigurationProblem> problems, String field) {
        return problems.stream().noneMatch(p -> p.key().equals(field));
    }

    private static String inheritedFrom(SettingOrigin origin) {
        return " (inherited from " + origin.describe() + ")";
    }

    private void hostFields(Map<String, String> form, Set<ConfigurationProblem> problems) {
        String instanceId = instanceId(form);
        if (instanceId.isEmpty()) {
            problems.add(new ConfigurationProblem(FormModel.INSTANCE_ID, "is required (" + INSTANCE_ID_RULE + ")"));
        } else if (!INSTANCE_ID_PATTERN.matcher(instanceId).matches()) {
            problems.add(new ConfigurationProblem(FormModel.INSTANCE_ID, "'" + instanceId + "' may contain "
                    + INSTANCE_ID_RULE));
        }
        String sensorId = Optional.ofNullable(form.get(FormModel.SENSOR_ID)).map(String::strip).orElse("");
        if (!sensorId.equals(model.descriptor().id())) {
            problems.add(new ConfigurationProblem(FormModel.SENSOR_ID, (sensorId.isEmpty() ? "is missing" : "is '"
                    + sensorId + "'") + " but this form is for sensor " + model.descriptor().id()));
        }
    }

    /**
     * The host kit's naming function for this form: a problem is reported on the field that shows its
     * setting, and one of a value inherited from the global defaults says so. A setting behind a
     * credentials field that no level set is that field's one "required" (user and password are one thing
     * to fix there); any other problem of it names the setting.
     */
    private ConfigurationProblem toField(ConfigurationProblem problem, SettingOrigin origin) {
        String field = model.fieldOf(problem.key());
        String inherited = origin.equals(GLOBAL_DEFAULTS) ? inheritedFrom(origin) : "";
        if (field.equals(problem.key())) {
            return new ConfigurationProblem(field, problem.message() + inherited);
        }
        if (origin.equals(SettingOrigin.metadataDefault())) {
            String rule = model.descriptor().setting(problem.key()).map(SettingDescriptor::visibility)
                    .map(v -> v.describe()).orElse("");
            return new ConfigurationProblem(field, "is required" + (rule.isEmpty() ? "" : " when " + rule)
                    + " (" + CREDENTIAL_KIND + ")");
        }
        return new ConfigurationProblem(field, problem.line() + inherited);
    }

    private List<ConfigurationProblem> sortedByForm(Set<ConfigurationProblem> problems) {
        List<String> order = new ArrayList<>(fieldNames());
        List<ConfigurationProblem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> Integer.compare(rank(order, a.key()), rank(order, b.key())));
        return sorted;
    }

    private static int rank(List<String> order, String field) {
        int index = order.indexOf(field);
        return index < 0 ? -1 : index;
    }
}
