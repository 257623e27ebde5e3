package io.mailtrip.jenkins;

import io.mailtrip.jenkins.core.FieldValidation;
import io.mailtrip.jenkins.core.FormBinding;
import io.mailtrip.jenkins.core.FormModel;
import io.mailtrip.jenkins.core.JenkinsFileSet;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.host.SensorProviders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sensors this plugin bundles, found with the plugin's own class loader: inside Jenkins the thread
 * context class loader is core's or a neutral one, which does not see the plugin's service files.
 */
final class PluginSensors {

    private static final SensorProviders.Found FOUND =
            SensorProviders.load(MailtripGlobalConfiguration.class.getClassLoader());

    private PluginSensors() {
    }

    /**
     * The sensor the generated forms were rendered from: core's generator writes its id beside them
     * ({@link JenkinsFileSet#SENSOR_ID_RESOURCE}), so no sensor is named in the plugin's Java.
     */
    static String formSensorId() {
        try (InputStream in = PluginSensors.class.getResourceAsStream("/" + JenkinsFileSet.SENSOR_ID_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + JenkinsFileSet.SENSOR_ID_RESOURCE
                        + ": regenerate the Jenkins files");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws io.mailtrip.spi.ConfigurationException naming the known sensor ids */
    static SensorProvider provider(String sensorId) {
        return FOUND.require(sensorId);
    }

    /** Every bundled sensor's descriptor. */
    static List<SensorDescriptor> descriptors() {
        return FOUND.providers().stream().map(SensorProvider::descriptor).toList();
    }

    static FormBinding binding(String sensorId) {
        return new FormBinding(FormModel.of(provider(sensorId).descriptor()));
    }

    static FieldValidation validation(String sensorId) {
        return new FieldValidation(binding(sensorId));
    }
}
