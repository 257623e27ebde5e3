package io.mailtrip.mailkit.oauth2;

import io.mailtrip.spi.Secret;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The error-challenge handling of RFC 7628 section 3.2.3, on a scripted wire. */
class SaslExchangeTest {

    private static final OAuth2Token TOKEN = new OAuth2Token(new Secret("Tok-Secret-5"), Optional.empty());

    /** Records what the client sent and answers from a script. */
    private static final class ScriptedWire implements SaslExchange.Wire {
        final List<String> sent = new ArrayList<>();
        final Deque<SaslExchange.Answer> answers = new ArrayDeque<>();

        ScriptedWire answer(SaslExchange.Kind kind, String text) {
            answers.add(new SaslExchange.Answer(kind, text));
            return this;
        }

        boolean inline = true;

        @Override
        public boolean fitsInline(String mechanism, String initialResponse) {
            return inline;
        }

        @Override
        public SaslExchange.Answer command(String mechanism, Optional<String> initialResponse) {
            sent.add(mechanism + initialResponse.map(r -> " " + r).orElse(""));
            return answers.remove();
        }

        @Override
        public SaslExchange.Answer respond(String response) {
            sent.add(response);
            return answers.remove();
        }
    }

    @Test
    void successEndsAfterTheInitialResponse() throws Exception {
        ScriptedWire wire = new ScriptedWire().answer(SaslExchange.Kind.SUCCESS, "235 ok");
        assertThat(SaslExchange.login(wire, OAuth2Mechanism.OAUTHBEARER, "u@example.org", TOKEN, "h", 25)).isEmpty();
        assertThat(wire.sent).hasSize(1);
    }

    @Test
    void errorChallengeIsAnsweredWithCtrlAAndItsStatusReportedWithoutTheToken() throws Exception {
        ScriptedWire wire = new ScriptedWire()
                .answer(SaslExchange.Kind.CHALLENGE, "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=")
                .answer(SaslExchange.Kind.FAILURE, "535 5.7.8 Error: authentication failed");
        Optional<String> reason = SaslExchange.login(wire, OAuth2Mechanism.OAUTHBEARER, "u@example.org", TOKEN, "h", 25);
        assertThat(wire.sent.get(1)).isEqualTo("AQ==");
        assertThat(reason).contains("OAUTHBEARER refused for user u@example.org: token rejected (status=invalid_token);"
                + " server: 535 5.7.8 Error: authentication failed");
        assertThat(reason.get()).doesNotContain("Tok-Secret-5");
    }

    @Test
    void xoauth2AnswersTheChallengeWithAnEmptyLine() throws Exception {
        ScriptedWire wire = new ScriptedWire().answer(SaslExchange.Kind.CHALLENGE, "eyJzdGF0dXMiOiI0MDEifQ==")
                .answer(SaslExchange.Kind.FAILURE, "-ERR [AUTH] Authentication failed.");
        Optional<String> reason = SaslExchange.login(wire, OAuth2Mechanism.XOAUTH2, "u", TOKEN, "h", 110);
        assertThat(wire.sent.get(1)).isEmpty();
        assertThat(reason.orElseThrow()).contains("status=401").contains("-ERR [AUTH] Authentication failed.");
    }

    @Test
    void aServerThatSaysOkAfterTheErrorIsCalledBroken() throws Exception {
        ScriptedWire wire = new ScriptedWire().answer(SaslExchange.Kind.CHALLENGE, "eyJzdGF0dXMiOiJ4In0=")
                .answer(SaslExchange.Kind.SUCCESS, "+OK");
        assertThat(SaslExchange.login(wire, OAuth2Mechanism.OAUTHBEARER, "u", TOKEN, "h", 110).orElseThrow())
                .endsWith("the server then reported success, which RFC 7628 forbids");
    }

    @Test
    void aResponseTooLongForTheLineGoesAfterTheEmptyChallenge() throws Exception {
        ScriptedWire wire = new ScriptedWire().answer(SaslExchange.Kind.CHALLENGE, "")
                .answer(SaslExchange.Kind.SUCCESS, "+OK Logged in.");
        wire.inline = false;
        assertThat(SaslExchange.login(wire, OAuth2Mechanism.OAUTHBEARER, "u", TOKEN, "h", 110)).isEmpty();
        assertThat(wire.sent.get(0)).isEqualTo("OAUTHBEARER");
        assertThat(wire.sent.get(1)).isEqualTo(OAuth2Mechanism.OAUTHBEARER.initialResponse("u", TOKEN.value(), "h", 110));
    }

    @Test
    void aPlainFailureIsQuoted() throws Exception {
        ScriptedWire wire = new ScriptedWire().answer(SaslExchange.Kind.FAILURE, "504 5.5.4 Unrecognized mechanism");
        assertThat(SaslExchange.login(wire, OAuth2Mechanism.XOAUTH2, "u", TOKEN, "h", 25).orElseThrow())
                .isEqualTo("XOAUTH2 refused for user u: 504 5.5.4 Unrecognized mechanism");
    }
}
