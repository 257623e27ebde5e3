package io.mailtrip.jenkins.core;

import io.mailtrip.spi.SensorDescriptor;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated files of one sensor's Jenkins forms, by path below the hpi's resources: for the instance
 * form and for the global defaults form, a {@code config.jelly} and one help file per field, beside the
 * class that owns the form.
 */
public final class JenkinsFileSet {

    /** The hpi's describable whose {@code config.jelly} the form is; Jenkins finds views by class name. */
    public static final String FORM_CLASS = "io.mailtrip.jenkins.SensorInstanceConfig";
    /** Folder of the form's views below the resources root. */
    public static final String FORM_FOLDER = FORM_CLASS.replace('.', '/');
    /** The hpi's describable holding the global defaults, shown on the configuration page. */
    public static final String DEFAULTS_CLASS = "io.mailtrip.jenkins.SensorDefaults";
    /** Folder of the global defaults form's views. */
    public static final String DEFAULTS_FOLDER = DEFAULTS_CLASS.replace('.', '/');

    /**
     * The resource, below the hpi's resources root, that names the sensor the forms were rendered from, so
     * the plugin's Java names no sensor.
     */
    public static final String SENSOR_ID_RESOURCE = "io/mailtrip/jenkins/form-sensor-id";

    private JenkinsFileSet() {
    }

    /** Both generated folders. */
    public static List<String> folders() {
        return List.of(FORM_FOLDER, DEFAULTS_FOLDER);
    }

    /** Path to content, sorted by path so output and comparisons are stable. */
    public static Map<String, String> render(SensorDescriptor descriptor) {
        Map<String, String> files = new TreeMap<>();
        render(FormModel.of(descriptor), FORM_FOLDER, files);
        render(FormModel.defaultsOf(descriptor), DEFAULTS_FOLDER, files);
        return files;
    }

    private static void render(FormModel model, String folder, Map<String, String> files) {
        files.put(folder + "/config.jelly", new JellyFormRenderer().render(model));
        HelpFileRenderer help = new HelpFileRenderer();
        for (FormField field : model.fields()) {
            if (field.kind() != FieldKind.SENSOR_ID) {
                files.put(folder + "/" + HelpFileRenderer.fileName(field), help.render(model, field));
            }
        }
    }
}
