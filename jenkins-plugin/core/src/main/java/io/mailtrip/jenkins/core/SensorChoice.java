package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ConfigurationException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a submitted instance form of the sensor type chooser ({@link SensorChooserRenderer}): the instance
 * id at the top, the chosen sensor's fields (its hidden sensor id among them) in the JSON object
 * {@link SensorChooserRenderer#CHOICE}. Gives the flat form that {@link FormBinding} of the chosen sensor
 * reads, so a chosen IMAP sensor is bound, checked and run exactly like a POP3 one.
 *
 * @param sensorId the chosen sensor's id
 * @param form     the flat form: instance id, sensor id and the chosen block's fields, as text
 */
public record SensorChoice(String sensorId, Map<String, String> form) {

    public SensorChoice {
        form = Map.copyOf(form);
    }

    /**
     * @param submitted the instance's part of the submitted page (Jenkins' {@code JSONObject} is a map)
     * @throws ConfigurationException when no sensor type was chosen
     */
    public static SensorChoice read(Map<?, ?> submitted) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(FormModel.INSTANCE_ID, text(submitted.get(FormModel.INSTANCE_ID)));
        if (!(submitted.get(SensorChooserRenderer.CHOICE) instanceof Map<?, ?> chosen)) {
            throw new ConfigurationException(FormModel.SENSOR_ID, "no sensor type chosen");
        }
        chosen.forEach((name, value) -> {
            if (!(value instanceof Map<?, ?>) && !String.valueOf(name).startsWith("$")) {
                form.put(String.valueOf(name), text(value));
            }
        });
        String sensorId = form.getOrDefault(FormModel.SENSOR_ID, "").strip();
        if (sensorId.isEmpty()) {
            throw new ConfigurationException(FormModel.SENSOR_ID, "no sensor type chosen");
        }
        return new SensorChoice(sensorId, form);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
