package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.ResultStore;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.Settings;

import java.util.Optional;

/** The SMTP → IMAP round-trip sensor's entry in {@code META-INF/services/io.mailtrip.spi.SensorProvider}. */
public final class SmtpImapProvider implements SensorProvider {

    private static final SensorDescriptor DESCRIPTOR = ImapCatalogue.descriptor();

    @Override
    public String id() {
        return ImapCatalogue.SENSOR_ID;
    }

    @Override
    public SensorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Sensor create(Settings settings) {
        if (settings.descriptor() != DESCRIPTOR) {
            throw new IllegalArgumentException("settings were parsed for sensor " + settings.descriptor().id());
        }
        RoundTripConfig config = RoundTripConfig.from(settings);
        TlsTrust trust = TlsTrust.from(settings);
        Optional<ResultStore> store = config.resultDirectory()
                .map(dir -> new ResultStore(ImapCatalogue.SENSOR_ID, dir, config.to(), settings.describe()));
        return new ImapRoundTripSensor(config, trust, store);
    }
}
