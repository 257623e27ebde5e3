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

    /** Where every bundled sensor's own forms go, one folder per sensor id, for a sensor type per instance. */
    public static final String SENSORS_FOLDER = "io/mailtrip/jenkins/sensors";

    /** Both generated folders. */
    public static List<String> folders() {
        return List.of(FORM_FOLDER, DEFAULTS_FOLDER);
    }

    /** The two form folders of one sensor below {@link #SENSORS_FOLDER}: its instance form and its defaults. */
    public static List<String> sensorFolders(String sensorId) {
        String root = SENSORS_FOLDER + "/" + sensorId + "/";
        return List.of(root + simpleName(FORM_CLASS), root + simpleName(DEFAULTS_CLASS));
    }

    /**
     * One sensor's forms in its own folder (same renderers, same files as {@link #render}), so the forms of
     * every bundled sensor exist side by side and an instance can be of any of them.
     */
    public static Map<String, String> renderSensor(SensorDescriptor descriptor) {
        Map<String, String> files = new TreeMap<>();
        List<String> folders = sensorFolders(descriptor.id());
        render(FormModel.of(descriptor), folders.get(0), files);
        render(FormModel.defaultsOf(descriptor), folders.get(1), files);
        return files;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
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
