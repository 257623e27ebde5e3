package io.mailtrip.sensor.smtppop3.testkit;

import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.spi.SettingKey;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_AUTH;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_HOST;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_PASSWORD;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_PORT;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_SECURITY;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_USER;

/**
 * The one way tests write the sensor's settings: through the catalogue's typed keys, as the text a host
 * would pass ({@link #map()} is what {@code Settings.parse} and the hosts take). No key is spelt twice.
 */
public final class SettingsFixture {

    private final Map<String, String> values = new LinkedHashMap<>();

    private SettingsFixture() {
    }

    /** Sender and recipient; the EHLO name is the default (the local host name), the servers still to be set. */
    public static SettingsFixture probe(String from, String to) {
        return new SettingsFixture().with(MailSettings.FROM, from).with(MailSettings.TO, to);
    }

    /** Sender, recipient and a fixed EHLO name; the servers still to be set. */
    public static SettingsFixture probe(String from, String to, String heloIdent) {
        return probe(from, to).with(MailSettings.HELO_IDENT, heloIdent);
    }

    /** The SMTP server and its transport-security mode (a {@code TlsMode} key such as {@code none}). */
    public SettingsFixture smtp(String host, Object port, String security) {
        return with(MailSettings.SMTP_HOST, host).with(MailSettings.SMTP_PORT, port)
                .with(MailSettings.SMTP_SECURITY, security);
    }

    /** The POP3 server and its transport-security mode. */
    public SettingsFixture pop3(String host, Object port, String security) {
        return with(POP3_HOST, host).with(POP3_PORT, port).with(POP3_SECURITY, security);
    }

    /** SMTP AUTH as {@code user}. */
    public SettingsFixture smtpLogin(String user, String password) {
        return with(MailSettings.SMTP_AUTH, "password").with(MailSettings.SMTP_USER, user)
                .with(MailSettings.SMTP_PASSWORD, password);
    }

    /** POP3 USER/PASS as {@code user}. */
    public SettingsFixture pop3Login(String user, String password) {
        return with(POP3_AUTH, "password").with(POP3_USER, user).with(POP3_PASSWORD, password);
    }

    /** Sets one setting to the text of {@code value}. */
    public SettingsFixture with(SettingKey<?> key, Object value) {
        values.put(key.name(), String.valueOf(value));
        return this;
    }

    /** Leaves one setting unset (its default applies). */
    public SettingsFixture without(SettingKey<?> key) {
        values.remove(key.name());
        return this;
    }

    /** The settings as a host passes them: a fresh mutable map in the order they were set. */
    public Map<String, String> map() {
        return new LinkedHashMap<>(values);
    }
}
