package io.mailtrip.sensor.smtppop3.fake;

import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.mailkit.testing.FakeSmtpServer;
import io.mailtrip.sensor.smtppop3.testkit.SettingsFixture;

import java.util.Map;

/** Settings for a round trip through a fake SMTP server into a fake POP3 server, in clear. */
public final class FakeSettings {

    /** The POP3 password the settings carry; tests grep their outputs for it. */
    public static final String POP3_PASSWORD = "Fake-Pop3-Pw-2";

    private FakeSettings() {
    }

    /** USER/PASS login, no TLS, maxTripTime 5 s, metadata defaults otherwise. */
    public static SettingsFixture fixture(FakeSmtpServer smtp, FakePop3Server pop3) {
        return SettingsFixture.probe("sender@fake.test", "probe@fake.test", "sensor.fake.test")
                .smtp("127.0.0.1", smtp.port(), "none").pop3("127.0.0.1", pop3.port(), "none")
                .pop3Login("probe", POP3_PASSWORD).with(MailSettings.MAX_TRIP_TIME, 5);
    }

    /** {@link #fixture} as a mutable map, as hosts take it. */
    public static Map<String, String> roundTrip(FakeSmtpServer smtp, FakePop3Server pop3) {
        return fixture(smtp, pop3).map();
    }
}
