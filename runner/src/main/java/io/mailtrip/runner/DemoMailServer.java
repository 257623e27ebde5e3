package io.mailtrip.runner;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailtrip.host.ValueReferences;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code --demo}: an embedded GreenMail SMTP + POP3 + IMAP server on free loopback ports with one mailbox
 * per sensor. What
 * to monitor is the configuration file {@code demo.yml} beside this class, read by the same loader as any
 * user's file; it finds the server's ports and its fresh password through {@link #references()}. The
 * runner's Java names no sensor and no setting.
 *
 * @param greenMail the running server
 * @param password  the mailbox's fresh password, never printed
 */
record DemoMailServer(GreenMail greenMail, String password) implements AutoCloseable {

    /** The configuration the demo runs, a resource beside this class. */
    static final String CONFIG = "demo.yml";
    private static final String PROBE_ADDRESS = "probe@localhost";
    private static final String PROBE_LOGIN = "probe";
    private static final String IMAP_PROBE_ADDRESS = "imapprobe@localhost";
    private static final String IMAP_PROBE_LOGIN = "imapprobe";

    static DemoMailServer start() {
        // A fresh password per start: nothing to leak, nothing to print.
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3_IMAP));
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser(PROBE_ADDRESS, PROBE_LOGIN, password)
                .withUser(IMAP_PROBE_ADDRESS, IMAP_PROBE_LOGIN, password));
        greenMail.start();
        return new DemoMailServer(greenMail, password);
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int pop3Port() {
        return greenMail.getPop3().getPort();
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The demo file's text. */
    static String config() {
        try (InputStream in = DemoMailServer.class.getResourceAsStream(CONFIG)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** References of the demo file: this server's ports and password, then the process environment. */
    ValueReferences references() {
        Map<String, String> server = Map.of("MAILTRIP_DEMO_SMTP_PORT", String.valueOf(smtpPort()),
                "MAILTRIP_DEMO_POP3_PORT", String.valueOf(pop3Port()), "MAILTRIP_DEMO_IMAP_PORT",
                String.valueOf(imapPort()), "MAILTRIP_DEMO_PASSWORD", password);
        return new ValueReferences(name -> server.containsKey(name) ? server.get(name) : System.getenv(name));
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
