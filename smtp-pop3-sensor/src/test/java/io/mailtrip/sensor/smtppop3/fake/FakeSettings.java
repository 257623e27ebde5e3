package io.mailtrip.sensor.smtppop3.fake;

import java.util.HashMap;
import java.util.Map;

/** Settings for a round trip through a fake SMTP server into a fake POP3 server, in clear. */
public final class FakeSettings {

    /** The POP3 password the settings carry; tests grep their outputs for it. */
    public static final String POP3_PASSWORD = "Fake-Pop3-Pw-2";

    private FakeSettings() {
    }

    /** A mutable map: USER/PASS login, no TLS, maxTripTime 5 s, metadata defaults otherwise. */
    public static Map<String, String> roundTrip(FakeSmtpServer smtp, FakePop3Server pop3) {
        Map<String, String> settings = new HashMap<>();
        settings.put("from", "sender@fake.test");
        settings.put("to", "probe@fake.test");
        settings.put("heloIdent", "sensor.fake.test");
        settings.put("smtpHost", "127.0.0.1");
        settings.put("smtpPort", String.valueOf(smtp.port()));
        settings.put("smtpSecurity", "none");
        settings.put("pop3Host", "127.0.0.1");
        settings.put("pop3Port", String.valueOf(pop3.port()));
        settings.put("pop3Security", "none");
        settings.put("pop3Auth", "password");
        settings.put("pop3User", "probe");
        settings.put("pop3Password", POP3_PASSWORD);
        settings.put("maxTripTime", "5");
        return settings;
    }
}
