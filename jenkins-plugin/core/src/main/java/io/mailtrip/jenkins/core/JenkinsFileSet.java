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

    /**
     * Where every bundled sensor's own global defaults form goes, one folder per sensor id (its instance
     * form is its block of the chooser, {@link #renderPlugin}).
     */
    public static final String SENSORS_FOLDER = "io/mailtrip/jenkins/sensors";

    /** Both generated folders. */
    public static List<String> folders() {
        return List.of(FORM_FOLDER, DEFAULTS_FOLDER);
    }

    /** The generated folder of one sensor below {@link #SENSORS_FOLDER}: its global defaults form. */
    public static List<String> sensorFolders(String sensorId) {
        return List.of(SENSORS_FOLDER + "/" + sensorId + "/" + simpleName(DEFAULTS_CLASS));
    }

    /** One sensor's global defaults form in its own folder (same renderers, same files as {@link #render}). */
    public static Map<String, String> renderSensor(SensorDescriptor descriptor) {
        Map<String, String> files = new TreeMap<>();
        render(FormModel.defaultsOf(descriptor), sensorFolders(descriptor.id()).get(0), files);
        return files;
    }

    /**
     * The files of the plugin's two generated forms as they are checked in: the instance form is the sensor
     * type chooser over every bundled sensor ({@link SensorChooserRenderer}) with the instance id's help and
     * each sensor's field help ({@link SensorChooserRenderer.HelpFiles}); the global defaults form is
     * {@code defaultsSensor}'s.
     */
    public static Map<String, String> renderPlugin(List<SensorDescriptor> sensors, SensorDescriptor defaultsSensor) {
        Map<String, String> files = new TreeMap<>();
        // The defaults' sensor is offered first (a new instance's type), the others by id: a stable file.
        List<FormModel> models = java.util.stream.Stream.concat(java.util.stream.Stream.of(defaultsSensor),
                        sensors.stream().filter(d -> !d.id().equals(defaultsSensor.id()))
                                .sorted(java.util.Comparator.comparing(SensorDescriptor::id)))
                .map(FormModel::of).toList();
        HelpFileRenderer help = new HelpFileRenderer();
        // Each field's help text per sensor; a field whose help is the same in every sensor is written once.
        Map<String, Map<String, String>> helpByField = new TreeMap<>();
        for (FormModel model : models) {
            for (FormField field : model.fields()) {
                // The instance id is one entry outside the blocks, its help inferred by Jenkins: written once.
                boolean otherInstanceId = field.kind() == FieldKind.INSTANCE_ID && model != models.get(0);
                if (field.kind() != FieldKind.SENSOR_ID && !otherInstanceId) {
                    helpByField.computeIfAbsent(field.name(), f -> new TreeMap<>())
                            .put(model.descriptor().id(), help.render(model, field));
                }
            }
        }
        SensorChooserRenderer.HelpFiles helpFiles = new SensorChooserRenderer.HelpFiles(helpByField.entrySet()
                .stream().filter(e -> e.getValue().values().stream().distinct().count() == 1)
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()));
        files.put(FORM_FOLDER + "/config.jelly", new SensorChooserRenderer().render(models, helpFiles));
        helpByField.forEach((field, bySensor) -> bySensor.forEach((sensorId, text) ->
                files.put(FORM_FOLDER + "/" + helpFiles.fileName(sensorId, field), text)));
        render(FormModel.defaultsOf(defaultsSensor), DEFAULTS_FOLDER, files);
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
