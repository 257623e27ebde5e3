package io.mailtrip.mailkit.smtp;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.oauth2.OAuth2Mechanism;
import io.mailtrip.mailkit.oauth2.OAuth2Token;
import io.mailtrip.mailkit.oauth2.SaslExchange;
import io.mailtrip.mailkit.oauth2.TokenSource;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

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
        List<String> offered = SmtpAuthentication.offered(capabilities);
        Optional<OAuth2Mechanism> mechanism = OAuth2Mechanism.choose(offered, tokens.mechanism());
        if (mechanism.isEmpty()) {
            throw leg.fail(SaslExchange.noMechanism("AUTH", offered, tokens.mechanism()));
        }
        leg.step("AUTH " + mechanism.get().saslName(), client);
        Optional<String> refused = SaslExchange.login(new Wire(client), mechanism.get(), user, token,
                leg.endpoint().host(), leg.endpoint().port());
        if (refused.isPresent()) {
            tokens.forget();
            throw leg.fail(refused.get());
        }
    }

    /** AUTH lines and 334 continuations (RFC 4954 section 4). */
    private record Wire(AuthenticatingSMTPClient client) implements SaslExchange.Wire {

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
            if (code == 235) {
                return new SaslExchange.Answer(SaslExchange.Kind.SUCCESS, reply);
            }
            if (code == 334) {
                return new SaslExchange.Answer(SaslExchange.Kind.CHALLENGE, reply.length() > 4 ? reply.substring(4) : "");
            }
            return new SaslExchange.Answer(SaslExchange.Kind.FAILURE, reply);
        }
    }
}
