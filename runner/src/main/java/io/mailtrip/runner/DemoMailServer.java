package io.mailtrip.runner;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.host.SettingsHierarchy;
import io.mailtrip.host.SettingsLayer;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --demo}: an embedded GreenMail SMTP + POP3 server on free loopback ports, and the settings of
 * one round-trip sensor against it. Only the keys the round trip needs are set; everything else keeps
 * the sensor's defaults, and the settings go through the same SPI inheritance and parsing as a
 * configuration file, so a key that drifted from the sensor's metadata fails loudly here too. The
 * interval and the SMTP host are found by role (the host comes from the demo device).
 */
final class DemoMailServer implements AutoCloseable {

    static final String SENSOR_ID = "smtp-pop3-roundtrip";
    static final String INSTANCE_ID = "demo";
    private static final String DEVICE = "localhost";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String PROBE_ADDRESS = "probe@localhost";
    private static final String PROBE_LOGIN = "probe";
    private static final String SENDER_ADDRESS = "sender@localhost";

    private final GreenMail greenMail;
    private final String password;

    private DemoMailServer(GreenMail greenMail, String password) {
        this.greenMail = greenMail;
        this.password = password;
    }

    static DemoMailServer start() {
        // A fresh password per start: nothing to leak, nothing to print.
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3));
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser(PROBE_ADDRESS, PROBE_LOGIN, password));
        greenMail.start();
        return new DemoMailServer(greenMail, password);
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int pop3Port() {
        return greenMail.getPop3().getPort();
    }

    /**
     * The demo instance's layers, as a user would write them in the configuration file: the sensor's own
     * settings, and a device {@value #DEVICE} whose host fills the sensor's target host (its SMTP host).
     */
    List<SettingsLayer> layers(SensorDescriptor descriptor) {
        Map<String, String> settings = new LinkedHashMap<>();
        descriptor.settingFor(SettingRole.INTERVAL).ifPresent(interval -> settings.put(interval.key(), "5"));
        settings.put("from", SENDER_ADDRESS);
        settings.put("to", PROBE_ADDRESS);
        settings.put("smtpPort", String.valueOf(smtpPort()));
        settings.put("smtpSecurity", "none");
        settings.put("smtpTimeout", "5");
        settings.put("pop3Host", LOOPBACK);
        settings.put("pop3Port", String.valueOf(pop3Port()));
        settings.put("pop3Security", "none");
        settings.put("pop3Timeout", "5");
        settings.put("pop3Auth", "password");
        settings.put("pop3User", PROBE_LOGIN);
        settings.put("pop3Password", password);
        settings.put("pop3Interval", "1");
        settings.put("maxTripTime", "10");
        return List.of(SettingsLayer.of(SettingsHierarchy.SENSOR_LEVEL, INSTANCE_ID, settings),
                SettingsLayer.device(DEVICE, LOOPBACK, Map.of()));
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
