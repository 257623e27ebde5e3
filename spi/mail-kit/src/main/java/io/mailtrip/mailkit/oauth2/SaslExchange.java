package io.mailtrip.mailkit.oauth2;

import io.mailtrip.mailkit.OneLine;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One OAuth 2.0 SASL login, the same algorithm on every protocol: send the initial response, and when the
 * server answers with a challenge instead of success, decode its error JSON, answer with the response
 * RFC 7628 section 3.2.3 requires, read the final failure and report both (never the token).
 * The protocol part (SMTP {@code AUTH}/334, POP3 {@code AUTH}/"+ ", IMAP {@code AUTHENTICATE}/"+") is a
 * {@link Wire}.
 */
public final class SaslExchange {

    /** What the server answered to one client message. */
    public enum Kind { SUCCESS, CHALLENGE, FAILURE }

    /**
     * One server answer.
     *
     * @param kind success (235, +OK, tagged OK), a challenge, or a failure
     * @param text the challenge's base64 payload, or the final reply as the server wrote it
     */
    public record Answer(Kind kind, String text) {
    }

    /** A protocol's way of carrying SASL messages (RFC 4954 section 4, RFC 5034 section 4, RFC 9051 6.2.2). */
    public interface Wire {
        /**
         * Whether the initial response may go on the command line: SASL-IR in IMAP (RFC 4959), the line
         * limit in SMTP (RFC 4954 section 4) and POP3 (RFC 5034 section 4).
         */
        boolean fitsInline(String mechanism, String initialResponse);

        /** Sends {@code AUTH}/{@code AUTHENTICATE} with the mechanism and, if given, the initial response. */
        Answer command(String mechanism, Optional<String> initialResponse) throws IOException;

        /** Sends one base64 response line (may be empty) and returns the answer to it. */
        Answer respond(String response) throws IOException;
    }

    private SaslExchange() {
    }

    /** The failure reason when the server offers neither mechanism (or not the configured one). */
    public static String noMechanism(String command, List<String> offered, OAuth2Settings.MechanismChoice configured) {
        return "server offers no OAuth 2.0 " + command + " mechanism (offered: "
                + (offered.isEmpty() ? "none" : OneLine.of(String.join(" ", offered), 100))
                + ", oauth2Mechanism=" + configured.key() + "); no credentials sent";
    }

    /**
     * Logs in; empty on success, else the reason (the decoded error status and the final reply).
     *
     * @param host the server host, for OAUTHBEARER's {@code host=} (RFC 7628 section 3.1)
     */
    public static Optional<String> login(Wire wire, OAuth2Mechanism mechanism, String user, OAuth2Token token,
                                         String host, int port) throws IOException {
        String name = mechanism.saslName();
        String initial = mechanism.initialResponse(user, token.value(), host, port);
        Answer answer;
        if (wire.fitsInline(name, initial)) {
            answer = wire.command(name, Optional.of(initial));
        } else {
            // Without an initial response the server asks with an empty challenge first (RFC 4422 section 5).
            Answer first = wire.command(name, Optional.empty());
            answer = first.kind() == Kind.CHALLENGE && first.text().isEmpty() ? wire.respond(initial) : first;
        }
        if (answer.kind() == Kind.SUCCESS) {
            return Optional.empty();
        }
        String reason = mechanism.saslName() + " refused for user " + user;
        if (answer.kind() == Kind.CHALLENGE) {
            ErrorChallenge error = ErrorChallenge.decode(answer.text());
            Answer last = wire.respond(mechanism.errorAcknowledgement());
            reason += ": token rejected (" + error.describe() + ")";
            if (last.kind() == Kind.SUCCESS) {
                // RFC 7628 section 3.2.3: the exchange must end in failure; a server that says OK here is broken.
                return Optional.of(reason + "; the server then reported success, which RFC 7628 forbids");
            }
            return Optional.of(reason + "; server: " + OneLine.of(last.text(), 100));
        }
        return Optional.of(reason + ": " + OneLine.of(answer.text(), 100));
    }
}
