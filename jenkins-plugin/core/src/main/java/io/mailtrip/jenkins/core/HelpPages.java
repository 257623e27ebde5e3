package io.mailtrip.jenkins.core;

import io.mailtrip.spi.SensorDescriptor;

import java.util.List;
import java.util.Optional;

/**
 * The field help of one generated form, rendered from the sensors' metadata when Jenkins asks for it, so
 * no help file is generated or checked in. The hpi's descriptors forward Jenkins' two help hooks here:
 * {@code Descriptor.getHelpFile(field)} (the URL an entry without its own {@code help} attribute links to)
 * to {@link #url(String)}, and {@code Descriptor.doHelp} (which serves
 * {@code /descriptor/<class>/help/<rest of path>}) to {@link #page(String)}.
 *
 * <p>Paths: {@code /<field>} is the field of the first form that has it (the instance id, inferred by
 * Jenkins; every field of the global defaults form); {@code /<sensor id>/<field>} is that sensor's field,
 * which each block of the sensor type chooser names explicitly, since two sensors' same-named fields may
 * have different help (other default tags, another mailbox). Anything else has no page (404).
 */
public final class HelpPages {

    private final String formClass;
    private final List<FormModel> models;
    private final HelpFileRenderer renderer = new HelpFileRenderer();

    private HelpPages(String formClass, List<FormModel> models) {
        this.formClass = formClass;
        this.models = List.copyOf(models);
    }

    /** The instance form's help: every bundled sensor's fields, in the chooser's order. */
    public static HelpPages instanceForm(List<SensorDescriptor> sensors, SensorDescriptor first) {
        return new HelpPages(JenkinsFileSet.FORM_CLASS, JenkinsFileSet.chooserModels(sensors, first));
    }

    /** The global defaults form's help: the fields of {@code sensor}'s defaults form. */
    public static HelpPages defaultsForm(SensorDescriptor sensor) {
        return new HelpPages(JenkinsFileSet.DEFAULTS_CLASS, List.of(FormModel.defaultsOf(sensor)));
    }

    /** The help URL (below Jenkins' root URL) of one sensor's field in the instance form's chooser. */
    public static String url(String sensorId, String field) {
        return base(JenkinsFileSet.FORM_CLASS) + sensorId + "/" + field;
    }

    /** What {@code Descriptor.getHelpFile(field)} returns: the URL of the field's page, empty when it has none. */
    public Optional<String> url(String field) {
        return page("/" + field).map(p -> base(formClass) + field);
    }

    /**
     * The page {@code Descriptor.doHelp} serves for a request's rest of path ({@code /smtpHost},
     * {@code /smtp-imap-roundtrip/tags}): one well-formed {@code div}, every text escaped; empty = 404.
     */
    public Optional<String> page(String restOfPath) {
        String[] parts = restOfPath.startsWith("/") ? restOfPath.substring(1).split("/", -1) : new String[0];
        if (parts.length == 1) {
            for (FormModel model : models) {
                Optional<String> page = page(model, parts[0]);
                if (page.isPresent()) {
                    return page;
                }
            }
        } else if (parts.length == 2) {
            for (FormModel model : models) {
                if (model.descriptor().id().equals(parts[0])) {
                    return page(model, parts[1]);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> page(FormModel model, String field) {
        // The hidden sensor id is no entry: it has no help.
        return model.field(field).filter(f -> f.kind() != FieldKind.SENSOR_ID).map(f -> renderer.render(model, f));
    }

    private static String base(String formClass) {
        return "/descriptor/" + formClass + "/help/";
    }
}
