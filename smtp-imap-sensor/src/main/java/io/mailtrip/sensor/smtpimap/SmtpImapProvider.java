package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.MailSensorProvider;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.Settings;

/** The SMTP → IMAP round-trip sensor's entry in {@code META-INF/services/io.mailtrip.spi.SensorProvider}. */
public final class SmtpImapProvider extends MailSensorProvider {

    private static final SensorDescriptor DESCRIPTOR = ImapCatalogue.descriptor();

    public SmtpImapProvider() {
        super(DESCRIPTOR);
    }

    @Override
    protected Sensor sensor(Settings settings) {
        // The typed configuration first: its errors come before the trust store's.
        return new ImapRoundTripSensor(RoundTripConfig.from(settings), TlsTrust.from(settings), resultStore(settings));
    }
}
