package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.oauth2.OAuth2Token;
import io.mailtrip.mailkit.oauth2.SaslExchange;
import io.mailtrip.mailkit.oauth2.TokenSource;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * IMAP {@code AUTHENTICATE} (RFC 9051 section 6.2.2) with OAUTHBEARER or XOAUTH2, the initial response on
 * the command line when the server offers SASL-IR (RFC 4959), the SASL exchange itself from mail-kit.
 */
final class ImapOAuth2 {

    private ImapOAuth2() {
    }

    static void login(ImapSession session, Leg leg, String user, TokenSource tokens, OAuth2Token token)
            throws PhaseFailure {
        List<String> offered = session.capabilities().stream()
                .filter(c -> c.toUpperCase(Locale.ROOT).startsWith("AUTH=")).map(c -> c.substring(5)).toList();
        leg.step("AUTHENTICATE");
        try {
            SaslExchange.authenticate(leg, "AUTHENTICATE", offered, user, tokens, token,
                    mechanism -> new Wire(session, "AUTHENTICATE " + mechanism.saslName()));
        } catch (Carried e) {
            throw e.failure;
        } catch (IOException e) {
            throw leg.failure(e);
        }
    }

    /** Carries the session's own failure through the SASL exchange. */
    private static final class Carried extends IOException {
        final PhaseFailure failure;

        Carried(PhaseFailure failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    private static final class Wire implements SaslExchange.Wire {
        private final ImapSession session;
        private final String step;
        private final String tag;

        Wire(ImapSession session, String step) {
            this.session = session;
            this.step = step;
            this.tag = session.newTag();
        }

        @Override
        public boolean fitsInline(String mechanism, String initialResponse) {
            return session.offers("SASL-IR");
        }

        @Override
        public SaslExchange.Answer command(String mechanism, Optional<String> initialResponse) throws IOException {
            String command = tag + " AUTHENTICATE " + mechanism;
            try {
                session.sendLine(step, command + initialResponse.map(r -> " " + r).orElse(""),
                        command + initialResponse.map(r -> " ******").orElse(""));
                return answer();
            } catch (PhaseFailure e) {
                throw new Carried(e);
            }
        }

        @Override
        public SaslExchange.Answer respond(String response) throws IOException {
            try {
                session.sendLine(step, response, "******");
                return answer();
            } catch (PhaseFailure e) {
                throw new Carried(e);
            }
        }

        /**
         * Skips untagged responses up to the continuation or the tagged status; the run's limit on what a
         * server may send (mail-kit's metered input) bounds the loop.
         */
        private SaslExchange.Answer answer() throws PhaseFailure {
            while (true) {
                session.arm();
                ImapWire.Response response = session.next();
                if (response.continuation()) {
                    return new SaslExchange.Answer(SaslExchange.Kind.CHALLENGE, response.text().strip());
                }
                if (response.tag().equals(tag)) {
                    return new SaslExchange.Answer(response.word(0).equals("OK") ? SaslExchange.Kind.SUCCESS
                            : SaslExchange.Kind.FAILURE, response.shown());
                }
            }
        }
    }
}
