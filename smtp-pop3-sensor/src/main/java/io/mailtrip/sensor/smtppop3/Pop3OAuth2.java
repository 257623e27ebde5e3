package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.oauth2.OAuth2Token;
import io.mailtrip.mailkit.oauth2.SaslExchange;
import io.mailtrip.mailkit.oauth2.TokenSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
        SaslExchange.authenticate(leg, "SASL (CAPA)", offered, user, tokens, token, mechanism -> {
            leg.step("AUTH " + mechanism.saslName(), client);
            return new SaslExchange.AuthLine(MAX_AUTH_LINE, client::sendCommand, client::getReplyString,
                    Pop3OAuth2::answer);
        });
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

    /** +OK success, "+ " continuation with its base64 payload (RFC 5034 section 4). */
    private static SaslExchange.Answer answer(int code, String reply) {
        return switch (code) {
            case POP3Reply.OK -> new SaslExchange.Answer(SaslExchange.Kind.SUCCESS, reply);
            case POP3Reply.OK_INT -> new SaslExchange.Answer(SaslExchange.Kind.CHALLENGE,
                    reply.startsWith("+") ? reply.substring(1).strip() : reply);
            default -> new SaslExchange.Answer(SaslExchange.Kind.FAILURE, reply);
        };
    }
}
