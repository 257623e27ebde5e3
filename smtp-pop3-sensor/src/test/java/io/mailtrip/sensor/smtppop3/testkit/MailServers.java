package io.mailtrip.sensor.smtppop3.testkit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import java.util.LinkedHashMap;
import java.util.Map;

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
    public static Map<String, String> plainSettings(GreenMailOperations greenMail) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("from", SENDER);
        settings.put("to", PROBE);
        settings.put("heloIdent", "sensor.mailtrip.test");
        settings.put("smtpHost", "127.0.0.1");
        settings.put("smtpPort", String.valueOf(greenMail.getSmtp().getPort()));
        settings.put("smtpSecurity", "none");
        settings.put("smtpTimeout", "5");
        settings.put("pop3Host", "127.0.0.1");
        settings.put("pop3Port", String.valueOf(greenMail.getPop3().getPort()));
        settings.put("pop3Security", "none");
        settings.put("pop3Timeout", "5");
        settings.put("pop3Auth", "password");
        settings.put("pop3User", "probe");
        settings.put("pop3Password", PROBE_PASSWORD);
        settings.put("pop3Interval", "1");
        settings.put("maxTripTime", "10");
        return settings;
    }

    /** Implicit TLS on both legs (SMTPS + POP3S), trusting the test certificate. */
    public static Map<String, String> tlsSettings(GreenMailOperations greenMail) {
        Map<String, String> settings = plainSettings(greenMail);
        settings.put("smtpSecurity", "enforceTls");
        settings.put("smtpPort", String.valueOf(greenMail.getSmtps().getPort()));
        settings.put("pop3Security", "enforceTls");
        settings.put("pop3Port", String.valueOf(greenMail.getPop3s().getPort()));
        settings.put("trustStore", TestTls.trustStore().toString());
        settings.put("trustStorePassword", TestTls.TRUST_STORE_PASSWORD);
        return settings;
    }
}
