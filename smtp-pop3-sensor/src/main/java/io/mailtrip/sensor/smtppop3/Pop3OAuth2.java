package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.oauth2.OAuth2Mechanism;
import io.mailtrip.mailkit.oauth2.OAuth2Token;
import io.mailtrip.mailkit.oauth2.SaslExchange;
import io.mailtrip.mailkit.oauth2.TokenSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.net.pop3.POP3;
import org.apache.commons.net.pop3.POP3Reply;
import org.apache.commons.net.pop3.POP3SClient;

/**
 * POP3 {@code AUTH} (RFC 5034) with OAUTHBEARER or XOAUTH2: the mechanism comes from the {@code SASL}
 * line of {@code CAPA} (RFC 2449 section 6.3), asked after any STLS, and the SASL exchange from mail-kit.
 */
final class Pop3OAuth2 {

    /** RFC 5034 section 4: an AUTH line with its initial response must not exceed 255 octets. */
    static final int MAX_AUTH_LINE = 255;

    private Pop3OAuth2() {
    }

    static void login(Pop3Connection connection, String user, TokenSource tokens, OAuth2Token token)
            throws IOException, PhaseFailure {
        Leg leg = connection.leg();
        POP3SClient client = connection.client();
        leg.step("CAPA", client);
        List<String> offered = client.capa() ? saslMechanisms(client.getReplyStrings()) : List.of();
        leg.step("AUTH");
        Optional<OAuth2Mechanism> mechanism = OAuth2Mechanism.choose(offered, tokens.mechanism());
        if (mechanism.isEmpty()) {
            throw leg.fail(SaslExchange.noMechanism("SASL (CAPA)", offered, tokens.mechanism()));
        }
        leg.step("AUTH " + mechanism.get().saslName(), client);
        Optional<String> refused = SaslExchange.login(new Wire(client), mechanism.get(), user, token,
                leg.endpoint().host(), leg.endpoint().port());
        if (refused.isPresent()) {
            tokens.forget();
            throw leg.fail(refused.get());
        }
        // RFC 5034 section 4: after +OK the session is in the TRANSACTION state; Commons Net tracks the state
        // only for its own login methods.
        client.setState(POP3.TRANSACTION_STATE);
    }

    /** The words after {@code SASL} in a CAPA listing. */
    static List<String> saslMechanisms(String[] capa) {
        return Arrays.stream(capa).map(String::strip)
                .filter(line -> line.toUpperCase(Locale.ROOT).startsWith("SASL "))
                .flatMap(line -> Arrays.stream(line.substring(5).strip().split("\\s+"))).toList();
    }

    /** AUTH lines and "+ " continuations (RFC 5034 section 4). */
    private record Wire(POP3SClient client) implements SaslExchange.Wire {

        @Override
        public boolean fitsInline(String mechanism, String initialResponse) {
            return ("AUTH " + mechanism + " " + initialResponse).length() + 2 <= MAX_AUTH_LINE;
        }

        @Override
        public SaslExchange.Answer command(String mechanism, Optional<String> initialResponse) throws IOException {
            return answer(client.sendCommand("AUTH", mechanism + initialResponse.map(r -> " " + r).orElse("")));
        }

        @Override
        public SaslExchange.Answer respond(String response) throws IOException {
            return answer(client.sendCommand(response));
        }

        private SaslExchange.Answer answer(int code) {
            String reply = client.getReplyString() == null ? "" : client.getReplyString().strip();
            return switch (code) {
                case POP3Reply.OK -> new SaslExchange.Answer(SaslExchange.Kind.SUCCESS, reply);
                case POP3Reply.OK_INT -> new SaslExchange.Answer(SaslExchange.Kind.CHALLENGE,
                        reply.startsWith("+") ? reply.substring(1).strip() : reply);
                default -> new SaslExchange.Answer(SaslExchange.Kind.FAILURE, reply);
            };
        }
    }
}
