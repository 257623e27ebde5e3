package io.mailtrip.jenkins.core;

import io.mailtrip.spi.SensorDescriptor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The generated files of the Jenkins forms, by path below the hpi's resources: the instance form's and the
 * global defaults form's {@code config.jelly}, beside the class that owns the form. Their field help is not
 * a file: {@link HelpPages} renders it from the metadata when Jenkins asks.
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

    /**
     * The files of the plugin's two generated forms as they are checked in: the instance form is the sensor
     * type chooser over every bundled sensor ({@link SensorChooserRenderer}); the global defaults form is
     * {@code defaultsSensor}'s.
     */
    public static Map<String, String> renderPlugin(List<SensorDescriptor> sensors, SensorDescriptor defaultsSensor) {
        Map<String, String> files = new TreeMap<>();
        files.put(FORM_FOLDER + "/config.jelly", new SensorChooserRenderer().render(chooserModels(sensors,
                defaultsSensor)));
        files.put(DEFAULTS_FOLDER + "/config.jelly", new JellyFormRenderer().render(FormModel.defaultsOf(defaultsSensor)));
        return files;
    }

    /**
     * Every bundled sensor's instance form in the chooser's order: {@code first} (a new instance's type), then
     * the others by id, so the generated file is stable.
     */
    static List<FormModel> chooserModels(List<SensorDescriptor> sensors, SensorDescriptor first) {
        return Stream.concat(Stream.of(first), sensors.stream().filter(d -> !d.id().equals(first.id()))
                        .sorted(Comparator.comparing(SensorDescriptor::id)))
                .map(FormModel::of).toList();
    }

    /** One sensor's own instance and global defaults forms, path to content (tests and single-sensor tools). */
    public static Map<String, String> render(SensorDescriptor descriptor) {
        Map<String, String> files = new TreeMap<>();
        files.put(FORM_FOLDER + "/config.jelly", new JellyFormRenderer().render(FormModel.of(descriptor)));
        files.put(DEFAULTS_FOLDER + "/config.jelly", new JellyFormRenderer().render(FormModel.defaultsOf(descriptor)));
        return files;
    }
}
