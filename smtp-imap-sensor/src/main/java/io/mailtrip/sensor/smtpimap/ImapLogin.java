package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.oauth2.OAuth2Token;
import io.mailtrip.mailkit.oauth2.TokenSource;

import io.mailtrip.mailkit.Credentials;
import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.tls.TlsTrust;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The login phase: connect, greeting, CAPABILITY, STARTTLS per imapSecurity (RFC 9051 section 6.2.1;
 * capabilities are asked again afterwards), then {@code AUTHENTICATE PLAIN} (RFC 4616, with the initial
 * response of RFC 4959 when SASL-IR is offered) or else {@code LOGIN}, which is never sent when the
 * server announces LOGINDISABLED (RFC 9051 section 6.2.3); then SELECT of the folder.
 */
final class ImapLogin {

    private final ImapConfig config;
    private final TlsTrust trust;
    private final Optional<TokenSource> tokens;

    ImapLogin(ImapConfig config, TlsTrust trust) {
        this(config, trust, Optional.empty());
    }

    /** @param tokens the instance's token source; needed when imapAuth = oauth2 */
    ImapLogin(ImapConfig config, TlsTrust trust, Optional<TokenSource> tokens) {
        this.config = config;
        this.trust = trust;
        this.tokens = tokens;
    }

    /** A session logged in with the folder selected; with imapAuth = none, connected only. */
    ImapSession open(Leg leg) throws PhaseFailure {
        // The token comes before the connect (RFC 7628 needs it in the first SASL message).
        Optional<OAuth2Token> token = Optional.empty();
        if (config.oauth2User().isPresent()) {
            leg.step("oauth2 token");
            try {
                token = Optional.of(tokens.orElseThrow().token(ImapSession.PHASE, config.endpoint().timeout(),
                        leg.deadline(), leg.trace()::note));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PhaseFailure(TokenSource.PHASE, "run interrupted while asking for the OAuth 2.0 token");
            }
        }
        ImapSession session = ImapSession.connect(leg, trust);
        try {
            if (config.endpoint().tls().upgrades() && !session.encrypted()) {
                session.startTls();
            }
            if (!config.logsIn()) {
                leg.trace().note("imapAuth=none: connect only, no login");
                return session;
            }
            if (token.isPresent()) {
                ImapOAuth2.login(session, leg, config.oauth2User().get(), tokens.get(), token.get());
            } else {
                authenticate(session, leg, config.login().get());
            }
            // Capabilities may grow after login (Dovecot announces UIDPLUS and MOVE only then).
            session.readCapabilities("CAPABILITY after login");
            session.command("SELECT", "SELECT " + ImapText.quoted(config.folder()));
            return session;
        } catch (PhaseFailure | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void authenticate(ImapSession session, Leg leg, Credentials credentials) throws PhaseFailure {
        if (session.offers("AUTH=PLAIN")) {
            plain(session, leg, credentials);
        } else if (session.offers("LOGINDISABLED")) {
            leg.step("LOGIN");
            throw leg.fail("server announces LOGINDISABLED and offers no AUTH=PLAIN"
                    + (session.encrypted() ? "" : "; use imapSecurity=enforceStartTls or enforceTls")
                    + "; no password sent");
        } else {
            login(session, leg, credentials);
        }
    }

    private void plain(ImapSession session, Leg leg, Credentials credentials) throws PhaseFailure {
        String response = Base64.getEncoder().encodeToString(("\0" + credentials.user() + "\0"
                + credentials.password().reveal()).getBytes(StandardCharsets.UTF_8));
        ImapSession.Reply reply = session.offers("SASL-IR")
                ? session.send("AUTHENTICATE PLAIN", "AUTHENTICATE PLAIN " + response, "AUTHENTICATE PLAIN ******")
                : continued(session, leg, response);
        if (!reply.ok()) {
            throw leg.fail("login failed for user " + credentials.user() + ": "
                    + OneLine.of(reply.tagged().text(), 100));
        }
    }

    /** AUTHENTICATE without an initial response: the server asks with "+ " first (RFC 9051 section 6.2.2). */
    private ImapSession.Reply continued(ImapSession session, Leg leg, String response) throws PhaseFailure {
        String tag = session.newTag();
        session.sendLine("AUTHENTICATE PLAIN", tag + " AUTHENTICATE PLAIN", tag + " AUTHENTICATE PLAIN");
        session.arm();
        ImapWire.Response first = session.next();
        if (first.tag().equals(tag)) {
            return new ImapSession.Reply(first, List.of());
        }
        if (!first.continuation()) {
            throw leg.fail("expected a continuation request, got " + OneLine.of(first.shown(), 80));
        }
        session.sendLine("AUTHENTICATE PLAIN", response, "******");
        return session.collect(tag);
    }

    private void login(ImapSession session, Leg leg, Credentials credentials) throws PhaseFailure {
        leg.step("LOGIN");
        if (!ImapText.quotable(credentials.user()) || !ImapText.quotable(credentials.password().reveal())) {
            throw leg.fail("user or password has characters LOGIN cannot carry (non-ASCII) and the server"
                    + " offers no AUTH=PLAIN");
        }
        String user = ImapText.quoted(credentials.user());
        ImapSession.Reply reply = session.send("LOGIN", "LOGIN " + user + " "
                + ImapText.quoted(credentials.password().reveal()), "LOGIN " + user + " ******");
        if (!reply.ok()) {
            throw leg.fail("login failed for user " + credentials.user() + ": "
                    + OneLine.of(reply.tagged().text(), 100));
        }
    }
}
