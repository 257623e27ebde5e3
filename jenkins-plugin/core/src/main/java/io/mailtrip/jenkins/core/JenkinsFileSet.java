package io.mailtrip.jenkins.core;

import io.mailtrip.spi.SensorDescriptor;

import java.util.Map;
import java.util.TreeMap;

/**
 * The generated files of one sensor's Jenkins form, by path below the hpi's resources: the form's
 * {@code config.jelly} and one help file per field, beside the class that owns the form.
 */
public final class JenkinsFileSet {

    /** The hpi's describable whose {@code config.jelly} the form is; Jenkins finds views by class name. */
    public static final String FORM_CLASS = "io.mailtrip.jenkins.SensorInstanceConfig";
    /** Folder of the form's views below the resources root. */
    public static final String FORM_FOLDER = FORM_CLASS.replace('.', '/');

    private JenkinsFileSet() {
    }

    /** Path to content, sorted by path so output and comparisons are stable. */
    public static Map<String, String> render(SensorDescriptor descriptor) {
        FormModel model = FormModel.of(descriptor);
        Map<String, String> files = new TreeMap<>();
        files.put(FORM_FOLDER + "/config.jelly", new JellyFormRenderer().render(model));
        HelpFileRenderer help = new HelpFileRenderer();
        for (FormField field : model.fields()) {
            if (field.kind() != FieldKind.SENSOR_ID) {
                files.put(FORM_FOLDER + "/" + HelpFileRenderer.fileName(field), help.render(model, field));
            }
        }
        return files;
    }
}
