package io.mailtrip.sensor.smtpimap;

import io.mailtrip.spi.Deadline;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.commons.net.smtp.AuthenticatingSMTPClient.AUTH_METHOD;
import org.apache.commons.net.smtp.SMTPReply;

/**
 * The SMTP leg: connect, greeting, TLS per mode, EHLO, AUTH, one envelope, DATA. Every reply is
 * checked; every wait is bounded by min(time left, smtpTimeout).
 */
final class SmtpSubmission {

    static final String PHASE = "smtp";

    /**
     * @param startNanos    when the connect began
     * @param acceptedNanos when the server accepted the message (250 after the final dot)
     * @param encrypted     whether the message travelled under TLS
     */
    record Accepted(long startNanos, long acceptedNanos, boolean encrypted) {
    }

    private final RoundTripConfig config;
    private final Endpoint endpoint;
    private final TlsTrust trust;
    private final ProtocolTrace trace;
    private final Watchdog watchdog;
    private final Deadline deadline;
    private String step = "connect";

    SmtpSubmission(RoundTripConfig config, TlsTrust trust, ProtocolTrace trace, Watchdog watchdog, Deadline deadline) {
        this.config = config;
        this.endpoint = config.smtp();
        this.trust = trust;
        this.trace = trace;
        this.watchdog = watchdog;
        this.deadline = deadline;
    }

    Accepted send(ProbeMessage probe) throws PhaseFailure {
        trace.leg(PHASE);
        long start = System.nanoTime();
        TlsConnector.Connected<AuthenticatingSMTPClient> connected = connect();
        AuthenticatingSMTPClient client = connected.client();
        try {
            boolean encrypted = connected.encrypted();
            step = "greeting";
            expect(SMTPReply.isPositiveCompletion(client.getReplyCode()), "greeting refused", client);
            List<String> capabilities = ehlo(client);
            if (endpoint.tls().upgrades()) {
                encrypted = startTls(client, capabilities);
                if (encrypted) {
                    // RFC 3207 section 4.2: forget what the server said before TLS and ask again.
                    capabilities = ehlo(client);
                }
            }
            if (config.smtpAuth().isPresent()) {
                authenticate(client, capabilities, config.smtpAuth().get(), encrypted);
            }
            step = "MAIL FROM";
            arm(client);
            expect(client.setSender(probe.from()), "sender refused", client);
            step = "RCPT TO";
            arm(client);
            expect(client.addRecipient(probe.to()), "recipient refused", client);
            step = "DATA";
            arm(client);
            expect(client.sendShortMessageData(probe.text()), "message refused", client);
            long accepted = System.nanoTime();
            trace.note("message accepted: " + OneLine.of(client.getReplyString(), 100));
            quit(client);
            return new Accepted(start, accepted, encrypted);
        } catch (IOException e) {
            throw NetworkFailure.of(PHASE, endpoint, step, e, watchdog);
        } finally {
            Watchdog.closeQuietly(client);
        }
    }

    private TlsConnector.Connected<AuthenticatingSMTPClient> connect() throws PhaseFailure {
        return new TlsConnector<>(PHASE, endpoint, trace, watchdog, deadline, implicit -> {
            // UTF-8 so AUTH encodes non-ASCII user names and passwords the way servers expect.
            AuthenticatingSMTPClient client = new AuthenticatingSMTPClient("TLS", implicit, "UTF-8");
            trust.applyTo(client);
            client.addProtocolCommandListener(trace);
            return client;
        }).connect();
    }

    private List<String> ehlo(AuthenticatingSMTPClient client) throws IOException, PhaseFailure {
        step = "EHLO";
        arm(client);
        expect(SMTPReply.isPositiveCompletion(client.ehlo(config.heloIdent())), "EHLO refused", client);
        return Arrays.asList(client.getReplyStrings());
    }

    private boolean startTls(AuthenticatingSMTPClient client, List<String> capabilities)
            throws IOException, PhaseFailure {
        step = "STARTTLS";
        boolean offered = capabilities.stream()
                .anyMatch(line -> line.length() > 4 && line.substring(4).strip().equalsIgnoreCase("STARTTLS"));
        if (!offered) {
            if (endpoint.tls().enforced()) {
                // Nothing more goes out in clear: no AUTH, no envelope, not even QUIT.
                throw fail("server does not offer STARTTLS (smtpSecurity=" + endpoint.tls().key()
                        + "); nothing sent in clear");
            }
            trace.note("server does not offer STARTTLS; continuing in clear (smtpSecurity="
                    + endpoint.tls().key() + ")");
            return false;
        }
        arm(client);
        if (!client.execTLS()) {
            throw fail("STARTTLS refused: " + OneLine.of(client.getReplyString(), 100));
        }
        trace.note("TLS established");
        return true;
    }

    private void authenticate(AuthenticatingSMTPClient client, List<String> capabilities, Credentials credentials,
                              boolean encrypted) throws IOException, PhaseFailure {
        step = "AUTH";
        Optional<AUTH_METHOD> method = SmtpAuthentication.choose(capabilities, config.smtpAuthMechanism(), encrypted);
        if (method.isEmpty()) {
            List<String> offered = SmtpAuthentication.offered(capabilities);
            throw fail("server offers no usable AUTH mechanism (offered: "
                    + (offered.isEmpty() ? "none" : String.join(" ", offered)) + ", smtpAuthMechanism="
                    + config.smtpAuthMechanism() + ")");
        }
        step = "AUTH " + AUTH_METHOD.getAuthName(method.get());
        arm(client);
        if (!SmtpAuthentication.login(client, method.get(), credentials)) {
            throw fail("authentication failed for user " + credentials.user() + ": "
                    + OneLine.of(client.getReplyString(), 100));
        }
    }

    private void quit(AuthenticatingSMTPClient client) {
        // The message is accepted; a failing QUIT changes nothing about the result.
        try {
            step = "QUIT";
            arm(client);
            client.logout();
        } catch (IOException e) {
            trace.note("QUIT failed: " + OneLine.of(e.getMessage(), 80));
        }
    }

    private void arm(AuthenticatingSMTPClient client) throws IOException {
        client.setSoTimeout(deadline.capMillis(endpoint.timeout()));
    }

    private void expect(boolean ok, String what, AuthenticatingSMTPClient client) throws PhaseFailure {
        if (!ok) {
            throw fail(what + ": " + OneLine.of(client.getReplyString(), 120));
        }
    }

    private PhaseFailure fail(String reason) {
        return new PhaseFailure(PHASE, PHASE.toUpperCase(Locale.ROOT) + " " + endpoint.address() + " " + step + ": "
                + reason);
    }
}
