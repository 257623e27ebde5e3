package io.mailtrip.mailkit;

import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.Settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@link SensorProvider} of a mail round-trip sensor: id and descriptor from the sensor's catalogue, and
 * a factory that refuses settings parsed for another sensor before the sensor makes itself from them (with
 * {@link TlsTrust#from} and {@link #resultStore}).
 */
public abstract class MailSensorProvider implements SensorProvider {

    private final SensorDescriptor descriptor;

    /** @param descriptor the catalogue's descriptor, one instance per sensor (settings are checked against it) */
    protected MailSensorProvider(SensorDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public final String id() {
        return descriptor.id();
    }

    @Override
    public final SensorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Sensor create(Settings settings) {
        if (settings.descriptor() != descriptor) {
            throw new IllegalArgumentException("settings were parsed for sensor " + settings.descriptor().id());
        }
        return sensor(settings);
    }

    /** The sensor for one instance, from settings parsed with this provider's descriptor. */
    protected abstract Sensor sensor(Settings settings);

    /** The store of the last result when {@code resultHandling=store} ({@link MailSettings#RESULT_DIRECTORY}). */
    protected final Optional<ResultStore> resultStore(Settings settings) {
        Optional<Path> directory = settings.optional(MailSettings.RESULT_DIRECTORY);
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResultStore(descriptor.id(), directory.get(), settings.get(MailSettings.TO),
                settings.describe()));
    }
}
