package io.mailtrip.sensor.smtppop3;

import io.mailtrip.spi.Deadline;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.net.pop3.POP3SClient;

/**
 * One POP3 login: connect, greeting, TLS per mode (STLS, RFC 2595), then USER/PASS or APOP
 * (RFC 1939 section 7). Closing without {@link #quit()} removes nothing (RFC 1939 section 6).
 */
final class Pop3Session implements AutoCloseable {

    static final String PHASE = "pop3";
    // RFC 1939 section 7: the APOP timestamp is a msg-id, "<...@...>", somewhere in the greeting.
    private static final Pattern APOP_TIMESTAMP = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");

    private final RoundTripConfig config;
    private final Endpoint endpoint;
    private final ProtocolTrace trace;
    private final Watchdog watchdog;
    private final Deadline deadline;
    private final POP3SClient client;
    private String step = "connect";

    private Pop3Session(RoundTripConfig config, ProtocolTrace trace, Watchdog watchdog, Deadline deadline,
                        POP3SClient client) {
        this.config = config;
        this.endpoint = config.pop3();
        this.trace = trace;
        this.watchdog = watchdog;
        this.deadline = deadline;
        this.client = client;
    }

    /** Connects and logs in as configured; with pop3Auth = none it stops after the greeting and TLS. */
    static Pop3Session open(RoundTripConfig config, TlsTrust trust, ProtocolTrace trace, Watchdog watchdog,
                            Deadline deadline) throws PhaseFailure {
        trace.leg(PHASE);
        TlsConnector.Connected<POP3SClient> connected = new TlsConnector<>(PHASE, config.pop3(), trace, watchdog,
                deadline, implicit -> {
                    POP3SClient client = new POP3SClient("TLS", implicit);
                    trust.applyTo(client);
                    client.addProtocolCommandListener(trace);
                    return client;
                }).connect();
        Pop3Session session = new Pop3Session(config, trace, watchdog, deadline, connected.client());
        try {
            session.start(connected.encrypted());
            return session;
        } catch (PhaseFailure | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void start(boolean encrypted) throws PhaseFailure {
        try {
            step = "greeting";
            // Commons Net accepts a -ERR greeting silently; check it here.
            expect(client.getReplyString() != null && client.getReplyString().startsWith("+OK"), "greeting refused");
            String greeting = client.getReplyString();
            if (endpoint.tls().upgrades()) {
                upgrade();
            }
            switch (config.pop3Auth()) {
                case PASSWORD -> login();
                case APOP -> apop(greeting);
                case NONE -> trace.note("pop3Auth=none: connect only, no login");
            }
        } catch (IOException e) {
            throw NetworkFailure.of(PHASE, endpoint, step, e, watchdog);
        }
    }

    private void upgrade() throws IOException, PhaseFailure {
        step = "CAPA";
        arm();
        boolean offered = client.capa() && Arrays.stream(client.getReplyStrings())
                .anyMatch(line -> line.strip().equalsIgnoreCase("STLS"));
        step = "STLS";
        if (!offered) {
            if (endpoint.tls().enforced()) {
                throw fail("server does not offer STLS (pop3Security=" + endpoint.tls().key()
                        + "); nothing sent in clear");
            }
            trace.note("server does not offer STLS; continuing in clear (pop3Security=" + endpoint.tls().key() + ")");
            return;
        }
        arm();
        if (!client.execTLS()) {
            throw fail("STLS refused: " + OneLine.of(client.getReplyString(), 100));
        }
        trace.note("TLS established");
    }

    private void login() throws IOException, PhaseFailure {
        Credentials credentials = config.pop3Login().orElseThrow();
        step = "USER/PASS";
        arm();
        expect(client.login(credentials.user(), credentials.password().reveal()),
                "login failed for user " + credentials.user());
    }

    private void apop(String greeting) throws IOException, PhaseFailure {
        Credentials credentials = config.pop3Login().orElseThrow();
        step = "APOP";
        Matcher timestamp = APOP_TIMESTAMP.matcher(greeting);
        if (!timestamp.find()) {
            throw fail("greeting carries no APOP timestamp: the server does not offer APOP");
        }
        arm();
        try {
            expect(client.login(credentials.user(), timestamp.group(), credentials.password().reveal()),
                    "login failed for user " + credentials.user());
        } catch (NoSuchAlgorithmException e) {
            throw fail("MD5 is not available in this JVM");
        }
    }

    POP3SClient client() {
        return client;
    }

    /** Sets the socket timeout for the next reply: min(time left, pop3Timeout). */
    void arm() throws IOException {
        client.setSoTimeout(deadline.capMillis(endpoint.timeout()));
    }

    void step(String name) {
        step = name;
    }

    /** QUIT: the UPDATE state, where marked messages are really removed (RFC 1939 section 6). */
    void quit() throws PhaseFailure {
        try {
            step = "QUIT";
            arm();
            expect(client.logout(), "QUIT refused; messages marked for deletion were kept");
        } catch (IOException e) {
            throw failure(e);
        }
    }

    PhaseFailure failure(IOException e) {
        return NetworkFailure.of(PHASE, endpoint, step, e, watchdog);
    }

    void expect(boolean ok, String what) throws PhaseFailure {
        if (!ok) {
            throw fail(what + ": " + OneLine.of(client.getReplyString(), 120));
        }
    }

    PhaseFailure fail(String reason) {
        return new PhaseFailure(PHASE, PHASE.toUpperCase(Locale.ROOT) + " " + endpoint.address() + " " + step + ": "
                + reason);
    }

    /** Drops the connection; without a QUIT before, nothing is deleted. */
    @Override
    public void close() {
        Watchdog.closeQuietly(client);
    }
}
