package io.mailtrip.mailkit.smtp;

import io.mailtrip.mailkit.Endpoint;
import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.ProtocolTrace;
import io.mailtrip.mailkit.Watchdog;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.tls.TlsConnector;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.mailkit.tls.TlsUpgrade;
import io.mailtrip.spi.Deadline;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.commons.net.smtp.SMTPReply;

/**
 * The SMTP leg of every mail sensor (phase {@code smtp}): connect, greeting, TLS per mode, EHLO, AUTH,
 * one envelope, DATA (RFC 5321 section 3). Every reply is checked; every wait is bounded by
 * min(time left, smtpTimeout); the watchdog bounds the whole run.
 */
public final class SmtpSubmission {

    public static final String PHASE = "smtp";
    /** The setting that chose the TLS mode, named in messages. */
    private static final String SECURITY_KEY = "smtpSecurity";

    /**
     * @param startNanos    when the connect began
     * @param acceptedNanos when the server accepted the message (250 after the final dot)
     * @param encrypted     whether the message travelled under TLS
     */
    public record Accepted(long startNanos, long acceptedNanos, boolean encrypted) {
    }

    private final SmtpLeg config;
    private final TlsTrust trust;
    private final Leg leg;

    public SmtpSubmission(SmtpLeg config, TlsTrust trust, ProtocolTrace trace, Watchdog watchdog, Deadline deadline) {
        this.config = config;
        this.trust = trust;
        this.leg = new Leg(PHASE, config.endpoint(), trace, watchdog, deadline);
    }

    /** Sends the probe; returns when the server accepted it, or fails naming the step. */
    public Accepted send(ProbeMessage probe) throws PhaseFailure {
        leg.trace().leg(PHASE);
        long start = System.nanoTime();
        TlsConnector.Connected<AuthenticatingSMTPClient> connected = connect();
        AuthenticatingSMTPClient client = connected.client();
        try {
            boolean encrypted = connected.encrypted();
            leg.step("greeting");
            expect(SMTPReply.isPositiveCompletion(client.getReplyCode()), "greeting refused", client);
            List<String> capabilities = ehlo(client);
            if (endpoint().tls().upgrades()) {
                encrypted = TlsUpgrade.upgrade(leg, client, "STARTTLS", SECURITY_KEY, offersStartTls(capabilities),
                        client::execTLS, client::getReplyString);
                if (encrypted) {
                    // RFC 3207 section 4.2: forget what the server said before TLS and ask again.
                    capabilities = ehlo(client);
                }
            }
            if (config.auth().isPresent()) {
                SmtpAuthentication.authenticate(leg, client, capabilities, config, encrypted);
            }
            leg.step("MAIL FROM", client);
            expect(client.setSender(probe.from()), "sender refused", client);
            leg.step("RCPT TO", client);
            expect(client.addRecipient(probe.to()), "recipient refused", client);
            leg.step("DATA", client);
            expect(client.sendShortMessageData(probe.text()), "message refused", client);
            long accepted = System.nanoTime();
            leg.trace().note("message accepted: " + OneLine.of(client.getReplyString(), 100));
            quit(client);
            return new Accepted(start, accepted, encrypted);
        } catch (IOException e) {
            throw leg.failure(e);
        } catch (RuntimeException e) {
            // Commons Net throws NullPointerException when the watchdog closed the socket under it.
            if (leg.watchdog().fired()) {
                throw leg.deadlineReached();
            }
            throw e;
        } finally {
            Watchdog.closeQuietly(client);
        }
    }

    private Endpoint endpoint() {
        return config.endpoint();
    }

    private TlsConnector.Connected<AuthenticatingSMTPClient> connect() throws PhaseFailure {
        return new TlsConnector<>(leg, SECURITY_KEY, implicit -> {
            AuthenticatingSMTPClient client = trust.smtpClient(implicit, leg.watchdog().input());
            client.addProtocolCommandListener(leg.trace());
            return client;
        }).connect();
    }

    /** RFC 3207 section 4: the EHLO keyword STARTTLS. */
    private static boolean offersStartTls(List<String> capabilities) {
        return capabilities.stream()
                .anyMatch(line -> line.length() > 4 && line.substring(4).strip().equalsIgnoreCase("STARTTLS"));
    }

    private List<String> ehlo(AuthenticatingSMTPClient client) throws IOException, PhaseFailure {
        leg.step("EHLO", client);
        expect(SMTPReply.isPositiveCompletion(client.ehlo(config.heloIdent())), "EHLO refused", client);
        return Arrays.asList(client.getReplyStrings());
    }

    private void quit(AuthenticatingSMTPClient client) {
        // The message is accepted; a failing QUIT changes nothing about the result.
        try {
            leg.step("QUIT", client);
            client.logout();
        } catch (IOException e) {
            leg.trace().note("QUIT failed: " + OneLine.of(e.getMessage(), 80));
        }
    }

    private void expect(boolean ok, String what, AuthenticatingSMTPClient client) throws PhaseFailure {
        if (!ok) {
            throw leg.refused(what, client.getReplyString());
        }
    }
}
