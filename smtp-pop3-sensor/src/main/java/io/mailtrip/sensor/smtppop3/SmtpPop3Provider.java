package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.MailSensorProvider;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.Settings;

/** The SMTP → POP3 round-trip sensor's entry in {@code META-INF/services/io.mailtrip.spi.SensorProvider}. */
public final class SmtpPop3Provider extends MailSensorProvider {

    private static final SensorDescriptor DESCRIPTOR = RoundTripCatalogue.descriptor();

    public SmtpPop3Provider() {
        super(DESCRIPTOR);
    }

    @Override
    protected Sensor sensor(Settings settings) {
        // The typed configuration first: its errors come before the trust store's.
        return new RoundTripSensor(RoundTripConfig.from(settings), TlsTrust.from(settings), resultStore(settings));
    }
}
