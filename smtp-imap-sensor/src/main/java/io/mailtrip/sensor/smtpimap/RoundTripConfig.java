package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.oauth2.OAuth2Settings;

import io.mailtrip.spi.Secret;
import io.mailtrip.spi.Settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The typed settings the protocol code reads, taken once from validated {@link Settings}.
 *
 * @param smtpAuth        empty when smtpAuth = none
 * @param imap            the IMAP leg
 * @param oauth2          the token source settings when imapAuth = oauth2
 * @param resultDirectory empty when results are discarded
 */
record RoundTripConfig(String from, String to, String heloIdent, String subjectText,
                       Endpoint smtp, Optional<Credentials> smtpAuth, String smtpAuthMechanism, ImapConfig imap,
                       Optional<Path> trustStore, Optional<Secret> trustStorePassword, boolean verifyHostname,
                       Optional<OAuth2Settings> oauth2, Optional<Path> resultDirectory) {

    static RoundTripConfig from(Settings s) {
        Endpoint smtp = new Endpoint(s.text("smtpHost"), s.integer("smtpPort"), s.seconds("smtpTimeout"),
                TlsMode.of(s.text("smtpSecurity")));
        Optional<Credentials> smtpAuth = s.has("smtpUser")
                ? Optional.of(new Credentials(s.text("smtpUser"), s.secret("smtpPassword").orElseThrow()))
                : Optional.empty();
        Endpoint imapEndpoint = new Endpoint(s.text("imapHost"), s.integer("imapPort"), s.seconds("imapTimeout"),
                TlsMode.of(s.text("imapSecurity")));
        boolean login = s.text("imapAuth").equals("password");
        ImapConfig imap = new ImapConfig(imapEndpoint,
                login ? Optional.of(new Credentials(s.text("imapUser"), s.secret("imapPassword").orElseThrow()))
                        : Optional.empty(),
                s.text("imapAuth").equals(OAuth2Settings.AUTH_VALUE) ? Optional.of(s.text("imapUser")) : Optional.empty(),
                s.optionalText("imapFolder").orElse("INBOX"),
                !s.optionalText("imapWait").orElse("idle").equals("poll"), // imapAuth=none hides the waiting settings; nothing waits then.
                s.has("imapInterval") ? s.seconds("imapInterval") : s.seconds("maxTripTime"),
                s.seconds("maxTripTime"), s.optionalText("imapMoveFolder").filter(f -> !f.isBlank()));
        return new RoundTripConfig(s.text("from"), s.text("to"), s.text("heloIdent"),
                s.optionalText("subjectText").orElse(""), smtp, smtpAuth,
                s.has("smtpAuthMechanism") ? s.text("smtpAuthMechanism") : "auto", imap,
                s.optionalText("trustStore").map(Path::of), s.secret("trustStorePassword"), s.flag("verifyHostname"),
                OAuth2Settings.from(s), s.has("resultDirectory") ? Optional.of(Path.of(s.text("resultDirectory"))) : Optional.empty());
    }
}
