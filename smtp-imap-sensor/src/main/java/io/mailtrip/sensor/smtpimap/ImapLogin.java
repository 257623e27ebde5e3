package io.mailtrip.sensor.smtpimap;

import io.mailtrip.spi.Deadline;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.mailtrip.mailkit.oauth2.OAuth2Token;
import io.mailtrip.mailkit.oauth2.TokenSource;

/**
 * The login phase: connect, greeting, CAPABILITY, STARTTLS per imapSecurity (RFC 9051 section 6.2.1;
 * capabilities are asked again afterwards, as the RFC requires), then {@code AUTHENTICATE PLAIN}
 * (RFC 4616, with the initial response of RFC 4959 when SASL-IR is offered) or else {@code LOGIN},
 * which is never sent when the server announces LOGINDISABLED (RFC 9051 section 6.2.3); then SELECT.
 */
final class ImapLogin {

    private final ImapConfig config;
    private final Hooks hooks;
    private final Deadline deadline;
    private final Optional<TokenSource> tokens;

    ImapLogin(ImapConfig config, Hooks hooks, Deadline deadline) {
        this(config, hooks, deadline, Optional.empty());
    }

    /** @param tokens the instance's token source; needed when imapAuth = oauth2 */
    ImapLogin(ImapConfig config, Hooks hooks, Deadline deadline, Optional<TokenSource> tokens) {
        this.tokens = tokens;
        this.config = config;
        this.hooks = hooks;
        this.deadline = deadline;
    }

    /** A session logged in with the folder selected; with imapAuth = none, connected only. */
    ImapSession open() throws PhaseFailure {
        // The token comes before the connect, so the imap channel keeps its meaning.
        Optional<OAuth2Token> token = Optional.empty();
        if (config.oauth2User().isPresent()) {
            try {
                token = Optional.of(tokens.orElseThrow().token(ImapSession.PHASE, config.endpoint().timeout(),
                        deadline, hooks.trace()));
            } catch (io.mailtrip.mailkit.PhaseFailure e) {
                throw new PhaseFailure(e.phase(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PhaseFailure(TokenSource.PHASE, "run interrupted while asking for the OAuth 2.0 token");
            }
        }
        ImapSession session = ImapSession.connect(config.endpoint(), hooks, deadline);
        try {
            session.readCapabilities("CAPABILITY");
            if (config.endpoint().tls().upgrades() && !session.encrypted()) {
                upgrade(session);
            }
            if (!config.logsIn()) {
                hooks.trace().accept("imapAuth=none: connect only, no login");
                return session;
            }
            if (token.isPresent()) {
                ImapOAuth2.login(session, config.oauth2User().get(), tokens.get(), token.get());
            } else {
                authenticate(session, config.login().get());
            }
            // Capabilities may grow after login (Dovecot announces UIDPLUS, MOVE only then).
            session.readCapabilities("CAPABILITY after login");
            session.command("SELECT", "SELECT " + ImapText.quoted(config.folder()));
            return session;
        } catch (PhaseFailure | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void upgrade(ImapSession session) throws PhaseFailure {
        String mode = "imapSecurity=" + config.endpoint().tls().key();
        if (!session.offers("STARTTLS")) {
            session.step("STARTTLS");
            if (config.endpoint().tls().enforced()) {
                throw session.fail("server does not offer STARTTLS (" + mode + "); nothing sent in clear");
            }
            hooks.trace().accept("server does not offer STARTTLS; continuing in clear (" + mode + ")");
            return;
        }
        if (!session.startTls()) {
            throw session.fail("STARTTLS refused");
        }
        session.readCapabilities("CAPABILITY after STARTTLS");
    }

    private void authenticate(ImapSession session, Credentials credentials) throws PhaseFailure {
        if (session.offers("AUTH=PLAIN")) {
            plain(session, credentials);
        } else if (session.offers("LOGINDISABLED")) {
            session.step("LOGIN");
            throw session.fail("server announces LOGINDISABLED and offers no AUTH=PLAIN"
                    + (session.encrypted() ? "" : "; use imapSecurity=enforceStartTls or enforceTls")
                    + "; no password sent");
        } else {
            login(session, credentials);
        }
    }

    private void plain(ImapSession session, Credentials credentials) throws PhaseFailure {
        String response = Base64.getEncoder().encodeToString(("\0" + credentials.user() + "\0"
                + credentials.password().reveal()).getBytes(StandardCharsets.UTF_8));
        ImapSession.Reply reply;
        if (session.offers("SASL-IR")) {
            reply = session.send("AUTHENTICATE PLAIN", "AUTHENTICATE PLAIN " + response, "AUTHENTICATE PLAIN ******");
        } else {
            reply = continued(session, response);
        }
        if (!reply.ok()) {
            throw session.fail("login failed for user " + credentials.user() + ": "
                    + OneLine.of(reply.tagged().text(), 100));
        }
    }

    /** AUTHENTICATE without an initial response: the server asks with "+ " first (RFC 9051 section 6.2.2). */
    private ImapSession.Reply continued(ImapSession session, String response) throws PhaseFailure {
        String tag = session.newTag();
        session.sendLine("AUTHENTICATE PLAIN", tag + " AUTHENTICATE PLAIN", tag + " AUTHENTICATE PLAIN");
        try {
            session.arm();
            ImapWire.Response first = session.next();
            if (first.tag().equals(tag)) {
                return new ImapSession.Reply(first, java.util.List.of());
            }
            if (!first.continuation()) {
                throw session.fail("expected a continuation request, got " + OneLine.of(first.shown(), 80));
            }
            session.sendLine("AUTHENTICATE PLAIN", response, "******");
            session.arm();
            return session.collect(tag);
        } catch (java.io.IOException e) {
            throw session.failure(e);
        }
    }

    private void login(ImapSession session, Credentials credentials) throws PhaseFailure {
        session.step("LOGIN");
        if (!ImapText.quotable(credentials.user()) || !ImapText.quotable(credentials.password().reveal())) {
            throw session.fail("user or password has characters LOGIN cannot carry (non-ASCII) and the server"
                    + " offers no AUTH=PLAIN");
        }
        ImapSession.Reply reply = session.send("LOGIN", "LOGIN " + ImapText.quoted(credentials.user()) + " "
                + ImapText.quoted(credentials.password().reveal()), "LOGIN " + ImapText.quoted(credentials.user())
                + " ******");
        if (!reply.ok()) {
            throw session.fail("login failed for user " + credentials.user() + ": "
                    + OneLine.of(reply.tagged().text(), 100));
        }
    }
}
