package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.Credentials;
import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.ProtocolTrace;
import io.mailtrip.mailkit.Watchdog;
import io.mailtrip.mailkit.tls.TlsConnector;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.mailkit.tls.TlsUpgrade;
import io.mailtrip.spi.Deadline;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.net.pop3.POP3SClient;

/**
 * The POP3 login phase: connect, greeting, TLS per mode (STLS, RFC 2595, through the shared
 * {@link TlsUpgrade}), then USER/PASS or APOP (RFC 1939 section 7). The open session it returns is used
 * by {@link Pop3Poll} and ended by {@link Pop3Cleanup}; closing it without QUIT removes nothing (RFC 1939
 * section 6).
 */
final class Pop3Login {

    static final String PHASE = "pop3";
    private static final String SECURITY_KEY = "pop3Security";
    // RFC 1939 section 7: the APOP timestamp is a msg-id, "<...@...>", somewhere in the greeting.
    private static final Pattern APOP_TIMESTAMP = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");

    private Pop3Login() {
    }

    /** Connects and logs in as configured; with pop3Auth = none it stops after the greeting and TLS. */
    static Pop3Connection open(RoundTripConfig config, TlsTrust trust, ProtocolTrace trace, Watchdog watchdog,
                               Deadline deadline) throws PhaseFailure {
        trace.leg(PHASE);
        Leg leg = new Leg(PHASE, config.pop3(), trace, watchdog, deadline);
        TlsConnector.Connected<POP3SClient> connected = new TlsConnector<>(leg, SECURITY_KEY, implicit -> {
            POP3SClient client = trust.pop3Client(implicit, watchdog.input());
            client.addProtocolCommandListener(trace);
            return client;
        }).connect();
        Pop3Connection connection = new Pop3Connection(leg, connected.client());
        try {
            start(config, connection);
            return connection;
        } catch (PhaseFailure | RuntimeException e) {
            connection.close();
            throw connection.translate(e);
        }
    }

    private static void start(RoundTripConfig config, Pop3Connection connection) throws PhaseFailure {
        Leg leg = connection.leg();
        POP3SClient client = connection.client();
        try {
            leg.step("greeting");
            // Commons Net accepts a -ERR greeting silently; check it here.
            String greeting = client.getReplyString();
            connection.expect(greeting != null && greeting.startsWith("+OK"), "greeting refused");
            if (leg.endpoint().tls().upgrades()) {
                leg.step("CAPA", client);
                boolean offered = client.capa() && Arrays.stream(client.getReplyStrings())
                        .anyMatch(line -> line.strip().equalsIgnoreCase("STLS"));
                TlsUpgrade.upgrade(leg, client, "STLS", SECURITY_KEY, offered, client::execTLS,
                        client::getReplyString);
            }
            switch (config.pop3Auth()) {
                case PASSWORD -> login(connection, config.pop3Login().orElseThrow());
                case APOP -> apop(connection, config.pop3Login().orElseThrow(), greeting);
                case NONE -> leg.trace().note("pop3Auth=none: connect only, no login");
            }
        } catch (IOException e) {
            throw leg.failure(e);
        }
    }

    private static void login(Pop3Connection connection, Credentials credentials) throws IOException, PhaseFailure {
        connection.leg().step("USER/PASS", connection.client());
        connection.expect(connection.client().login(credentials.user(), credentials.password().reveal()),
                "login failed for user " + credentials.user());
    }

    private static void apop(Pop3Connection connection, Credentials credentials, String greeting)
            throws IOException, PhaseFailure {
        Leg leg = connection.leg();
        leg.step("APOP");
        Matcher timestamp = APOP_TIMESTAMP.matcher(greeting);
        if (!timestamp.find()) {
            throw leg.fail("greeting carries no APOP timestamp: the server does not offer APOP");
        }
        leg.arm(connection.client());
        try {
            connection.expect(connection.client().login(credentials.user(), timestamp.group(),
                    credentials.password().reveal()), "login failed for user " + credentials.user());
        } catch (NoSuchAlgorithmException e) {
            throw leg.fail("MD5 is not available in this JVM");
        }
    }
}
