package io.mailtrip.mailkit.smtp;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.oauth2.OAuth2Token;
import io.mailtrip.mailkit.oauth2.SaslExchange;
import io.mailtrip.mailkit.oauth2.TokenSource;

import java.io.IOException;
import java.util.List;

import org.apache.commons.net.smtp.AuthenticatingSMTPClient;

/** SMTP AUTH (RFC 4954) with OAUTHBEARER or XOAUTH2 and a token from the instance's {@link TokenSource}. */
final class SmtpOAuth2 {

    /** RFC 4954 section 4: servers accept AUTH command lines of at least 12288 octets. */
    static final int MAX_AUTH_LINE = 12288;

    private SmtpOAuth2() {
    }

    static void authenticate(Leg leg, AuthenticatingSMTPClient client, List<String> capabilities, String user,
                             TokenSource tokens, OAuth2Token token) throws IOException, PhaseFailure {
        leg.step("AUTH");
        SaslExchange.authenticate(leg, "AUTH", SmtpAuthentication.offered(capabilities), user, tokens, token,
                mechanism -> {
                    leg.step("AUTH " + mechanism.saslName(), client);
                    return new SaslExchange.AuthLine(MAX_AUTH_LINE, client::sendCommand, client::getReplyString,
                            SmtpOAuth2::answer);
                });
    }

    /** 235 success, 334 continuation with its base64 payload (RFC 4954 section 4). */
    private static SaslExchange.Answer answer(int code, String reply) {
        if (code == 235) {
            return new SaslExchange.Answer(SaslExchange.Kind.SUCCESS, reply);
        }
        if (code == 334) {
            return new SaslExchange.Answer(SaslExchange.Kind.CHALLENGE, reply.length() > 4 ? reply.substring(4) : "");
        }
        return new SaslExchange.Answer(SaslExchange.Kind.FAILURE, reply);
    }
}
