package io.mailtrip.jenkins;

import io.mailtrip.jenkins.core.FieldValidation;
import io.mailtrip.jenkins.core.FormBinding;
import io.mailtrip.jenkins.core.FormModel;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.host.SensorProviders;

/**
 * The sensors this plugin bundles, found with the plugin's own class loader: inside Jenkins the thread
 * context class loader is core's or a neutral one, which does not see the plugin's service files.
 */
final class PluginSensors {

    private static final SensorProviders.Found FOUND =
            SensorProviders.load(MailtripGlobalConfiguration.class.getClassLoader());

    private PluginSensors() {
    }

    /** @throws io.mailtrip.spi.ConfigurationException naming the known sensor ids */
    static SensorProvider provider(String sensorId) {
        return FOUND.require(sensorId);
    }

    static FormBinding binding(String sensorId) {
        return new FormBinding(FormModel.of(provider(sensorId).descriptor()));
    }

    static FieldValidation validation(String sensorId) {
        return new FieldValidation(binding(sensorId));
    }
}
