package io.mailtrip.sensor.smtppop3.testkit;

import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.mailkit.testing.TestTls;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import java.util.Map;

import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_INTERVAL;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_TIMEOUT;

/** GreenMail on free loopback ports with SMTP, SMTPS, POP3 and POP3S, and settings maps that point at it. */
public final class MailServers {

    public static final String PROBE = "probe@localhost";
    public static final String PROBE_PASSWORD = "Probe-Secret-4711";
    public static final String SENDER = "sender@localhost";
    public static final String SENDER_PASSWORD = "Sender-Secret-0815";

    private MailServers() {
    }

    /** A per-test GreenMail with the probe mailbox and an SMTP AUTH user. */
    public static GreenMailExtension greenMail() {
        TestTls.serveTestCertificateFromGreenMail();
        ServerSetup[] setups = ServerSetup.dynamicPort(new ServerSetup[] {
                ServerSetupTest.SMTP, ServerSetupTest.SMTPS, ServerSetupTest.POP3, ServerSetupTest.POP3S});
        return new GreenMailExtension(setups).withConfiguration(GreenMailConfiguration.aConfig()
                .withUser(PROBE, "probe", PROBE_PASSWORD)
                .withUser(SENDER, "sender", SENDER_PASSWORD));
    }

    /** Plain SMTP + POP3 USER/PASS against {@code greenMail}, fast timings for tests. */
    public static SettingsFixture plain(GreenMailOperations greenMail) {
        return SettingsFixture.probe(SENDER, PROBE, "sensor.mailtrip.test")
                .smtp("127.0.0.1", greenMail.getSmtp().getPort(), "none").with(MailSettings.SMTP_TIMEOUT, 5)
                .pop3("127.0.0.1", greenMail.getPop3().getPort(), "none").with(POP3_TIMEOUT, 5)
                .pop3Login("probe", PROBE_PASSWORD).with(POP3_INTERVAL, 1).with(MailSettings.MAX_TRIP_TIME, 10);
    }

    /** Implicit TLS on both legs (SMTPS + POP3S), trusting the test certificate. */
    public static SettingsFixture tls(GreenMailOperations greenMail) {
        return plain(greenMail)
                .smtp("127.0.0.1", greenMail.getSmtps().getPort(), "enforceTls")
                .pop3("127.0.0.1", greenMail.getPop3s().getPort(), "enforceTls")
                .with(MailSettings.TRUST_STORE, TestTls.trustStore())
                .with(MailSettings.TRUST_STORE_PASSWORD, TestTls.TRUST_STORE_PASSWORD);
    }

    /** {@link #plain} as the map hosts take. */
    public static Map<String, String> plainSettings(GreenMailOperations greenMail) {
        return plain(greenMail).map();
    }

    /** {@link #tls} as the map hosts take. */
    public static Map<String, String> tlsSettings(GreenMailOperations greenMail) {
        return tls(greenMail).map();
    }
}
