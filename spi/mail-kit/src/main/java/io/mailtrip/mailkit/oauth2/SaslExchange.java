package io.mailtrip.mailkit.oauth2;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PhaseFailure;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One OAuth 2.0 SASL login, the same algorithm on every protocol: send the initial response, and when the
 * server answers with a challenge instead of success, decode its error JSON, answer with the response
 * RFC 7628 section 3.2.3 requires, read the final failure and report both (never the token).
 * The protocol part (SMTP {@code AUTH}/334, POP3 {@code AUTH}/"+ ", IMAP {@code AUTHENTICATE}/"+") is a
 * {@link Wire}; SMTP and POP3, whose {@code AUTH} line carries the initial response, extend {@link AuthLine}.
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

    /**
     * SASL on a line protocol whose {@code AUTH} command carries the initial response and whose responses are
     * bare lines: SMTP (RFC 4954 section 4) and POP3 (RFC 5034 section 4). The protocol gives the longest
     * command line it allows, how a line is sent, its last reply and what a reply means.
     */
    public static final class AuthLine implements Wire {

        /** Sends {@code command} with {@code args} (null for none) and returns the reply code. */
        @FunctionalInterface
        public interface Sender {
            int send(String command, String args) throws IOException;
        }

        /** What a reply means in the protocol, from its code and its text (stripped, never null). */
        @FunctionalInterface
        public interface Meaning {
            Answer of(int code, String reply);
        }

        private final int maxLine;
        private final Sender sender;
        private final Supplier<String> lastReply;
        private final Meaning meaning;

        /** @param maxLine the longest command line the protocol allows, CRLF included */
        public AuthLine(int maxLine, Sender sender, Supplier<String> lastReply, Meaning meaning) {
            this.maxLine = maxLine;
            this.sender = sender;
            this.lastReply = lastReply;
            this.meaning = meaning;
        }

        @Override
        public boolean fitsInline(String mechanism, String initialResponse) {
            return ("AUTH " + mechanism + " " + initialResponse).length() + 2 <= maxLine;
        }

        @Override
        public Answer command(String mechanism, Optional<String> initialResponse) throws IOException {
            // Command and arguments apart: the trace knows an AUTH line by its command and hides what follows.
            return answer(sender.send("AUTH", mechanism + initialResponse.map(r -> " " + r).orElse("")));
        }

        @Override
        public Answer respond(String response) throws IOException {
            return answer(sender.send(response, null));
        }

        private Answer answer(int code) {
            String reply = lastReply.get();
            return meaning.of(code, reply == null ? "" : reply.strip());
        }
    }

    /** Makes the wire for the chosen mechanism (a protocol may name the step after it first). */
    @FunctionalInterface
    public interface WireFor {
        Wire open(OAuth2Mechanism mechanism) throws IOException;
    }

    private SaslExchange() {
    }

    /**
     * A leg's whole OAuth 2.0 login: the mechanism chosen from what the server offers (none: the leg fails
     * before any credential is sent), the exchange, and on refusal the token forgotten (it may have been
     * revoked; the next run asks for a new one) and the leg failed with the reason.
     *
     * @param offeredIn where the server lists its mechanisms, for the failure ({@code AUTH}, {@code SASL (CAPA)})
     * @param offered   the mechanisms the server offers
     */
    public static void authenticate(Leg leg, String offeredIn, List<String> offered, String user, TokenSource tokens,
                                    OAuth2Token token, WireFor wire) throws IOException, PhaseFailure {
        Optional<OAuth2Mechanism> mechanism = OAuth2Mechanism.choose(offered, tokens.mechanism());
        if (mechanism.isEmpty()) {
            throw leg.fail(noMechanism(offeredIn, offered, tokens.mechanism()));
        }
        Optional<String> refused = login(wire.open(mechanism.get()), mechanism.get(), user, token,
                leg.endpoint().host(), leg.endpoint().port());
        if (refused.isPresent()) {
            tokens.forget();
            throw leg.fail(refused.get());
        }
    }

    /** The failure reason when the server offers neither mechanism (or not the configured one). */
    private static String noMechanism(String command, List<String> offered, OAuth2Settings.MechanismChoice configured) {
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
