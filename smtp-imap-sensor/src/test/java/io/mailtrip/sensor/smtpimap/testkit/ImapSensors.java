package io.mailtrip.sensor.smtpimap.testkit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailtrip.sensor.smtppop3.testkit.MailStack;
import io.mailtrip.mailkit.testing.TestTls;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the IMAP round-trip sensor the way a host does (found through ServiceLoader, settings parsed
 * from text), against GreenMail (SMTP, SMTPS, IMAP, IMAPS) or the real mail stack.
 */
public final class ImapSensors {

    public static final String ID = "smtp-imap-roundtrip";
    public static final String PROBE = "probe@localhost";
    public static final String PROBE_PASSWORD = "Imap-Probe-Secret-4711";
    public static final String SENDER = "sender@localhost";
    public static final String SENDER_PASSWORD = "Smtp-Secret-0815";

    private ImapSensors() {
    }

    public static SensorProvider provider() {
        return SensorProviders.load(ImapSensors.class.getClassLoader()).require(ID);
    }

    public static Sensor create(Map<String, String> settings) {
        SensorProvider provider = provider();
        return provider.create(Settings.parse(provider.descriptor(), settings));
    }

    /** One run with the sensor's own budget as the deadline. */
    public static SensorResult runOnce(Map<String, String> settings) {
        try (Sensor sensor = create(settings)) {
            return sensor.run(Deadline.in(sensor.budget()));
        }
    }

    /** A per-test GreenMail with SMTP, SMTPS, IMAP and IMAPS and the probe mailbox. */
    public static GreenMailExtension greenMail() {
        TestTls.serveTestCertificateFromGreenMail();
        ServerSetup[] setups = ServerSetup.dynamicPort(new ServerSetup[] {
                ServerSetupTest.SMTP, ServerSetupTest.SMTPS, ServerSetupTest.IMAP, ServerSetupTest.IMAPS});
        for (ServerSetup setup : setups) {
            // GreenMail's 2 s start-up wait is too short on a loaded shared machine (seen in a host's IT).
            setup.setServerStartupTimeout(10_000);
        }
        return new GreenMailExtension(setups).withConfiguration(GreenMailConfiguration.aConfig()
                .withUser(PROBE, "probe", PROBE_PASSWORD).withUser(SENDER, "sender", SENDER_PASSWORD));
    }

    /** Plain SMTP + IMAP against {@code greenMail}, the test trust store, fast timings. */
    public static Map<String, String> greenMailSettings(GreenMailOperations greenMail) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("from", SENDER);
        settings.put("to", PROBE);
        settings.put("heloIdent", "sensor.mailtrip.test");
        settings.put("smtpHost", "127.0.0.1");
        settings.put("smtpPort", String.valueOf(greenMail.getSmtp().getPort()));
        settings.put("smtpSecurity", "none");
        settings.put("smtpTimeout", "5");
        settings.put("imapHost", "127.0.0.1");
        settings.put("imapPort", String.valueOf(greenMail.getImap().getPort()));
        settings.put("imapSecurity", "none");
        settings.put("imapTimeout", "5");
        settings.put("imapUser", "probe");
        settings.put("imapPassword", PROBE_PASSWORD);
        settings.put("imapInterval", "1");
        settings.put("maxTripTime", "10");
        settings.put("trustStore", TestTls.trustStore().toString());
        settings.put("trustStorePassword", TestTls.TRUST_STORE_PASSWORD);
        return settings;
    }

    /**
     * A round trip on the real stack: SMTP AUTH as sender on {@code smtpListener}, IMAP as {@code user} on
     * {@code imapListener} (the LOGINDISABLED listener is reached on its own address), the stack's CA.
     */
    public static Map<String, String> stackSettings(String smtpListener, String smtpSecurity, String imapListener,
                                                    String imapSecurity, String user, String password) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("from", MailStack.get("SENDER"));
        settings.put("to", user);
        settings.put("heloIdent", "sensor.mailtrip.test");
        settings.put("smtpHost", MailStack.get("HOST"));
        settings.put("smtpPort", MailStack.get(smtpListener));
        settings.put("smtpSecurity", smtpSecurity);
        settings.put("smtpTimeout", "3");
        settings.put("smtpAuth", "password");
        settings.put("smtpUser", MailStack.get("SENDER"));
        settings.put("smtpPassword", MailStack.get("SENDER_PASSWORD"));
        settings.put("imapHost", imapListener.startsWith("IMAP_LOGINDISABLED")
                ? MailStack.get("IMAP_LOGINDISABLED_HOST") : MailStack.get("HOST"));
        settings.put("imapPort", MailStack.get(imapListener));
        settings.put("imapSecurity", imapSecurity);
        settings.put("imapTimeout", "3");
        settings.put("imapUser", user);
        settings.put("imapPassword", password);
        settings.put("imapInterval", "1");
        settings.put("maxTripTime", "10");
        settings.put("trustStore", MailStack.get("TRUSTSTORE"));
        settings.put("trustStorePassword", MailStack.get("TRUSTSTORE_PASSWORD"));
        return settings;
    }
}
