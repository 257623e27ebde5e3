package io.mailtrip.sensor.smtppop3;

import io.mailtrip.spi.Secret;
import io.mailtrip.spi.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The typed settings the protocol code reads, taken once from validated {@link Settings}.
 *
 * @param smtpAuth  empty when smtpAuth = none
 * @param pop3Login empty when pop3Auth = none (connect only)
 * @param resultDirectory empty when results are discarded
 */
record RoundTripConfig(String from, String to, String heloIdent, String subjectText,
                       Endpoint smtp, Optional<Credentials> smtpAuth, String smtpAuthMechanism,
                       Endpoint pop3, Duration pop3Interval, boolean pop3Backoff, Duration maxTripTime,
                       Pop3AuthMode pop3Auth, Optional<Credentials> pop3Login,
                       Optional<Path> trustStore, Optional<Secret> trustStorePassword, boolean verifyHostname,
                       Optional<Path> resultDirectory) {

    /** POP3 login style. */
    enum Pop3AuthMode { NONE, PASSWORD, APOP }

    static RoundTripConfig from(Settings s) {
        Endpoint smtp = new Endpoint(s.text("smtpHost"), s.integer("smtpPort"), s.seconds("smtpTimeout"),
                TlsMode.of(s.text("smtpSecurity")));
        Endpoint pop3 = new Endpoint(s.text("pop3Host"), s.integer("pop3Port"), s.seconds("pop3Timeout"),
                TlsMode.of(s.text("pop3Security")));
        Optional<Credentials> smtpAuth = s.has("smtpUser")
                ? Optional.of(new Credentials(s.text("smtpUser"), s.secret("smtpPassword").orElseThrow()))
                : Optional.empty();
        Optional<Credentials> pop3Login = s.has("pop3User")
                ? Optional.of(new Credentials(s.text("pop3User"), s.secret("pop3Password").orElseThrow()))
                : Optional.empty();
        Optional<Path> resultDirectory = s.has("resultDirectory")
                ? Optional.of(Path.of(s.text("resultDirectory"))) : Optional.empty();
        return new RoundTripConfig(s.text("from"), s.text("to"), s.text("heloIdent"),
                s.optionalText("subjectText").orElse(""), smtp, smtpAuth,
                s.has("smtpAuthMechanism") ? s.text("smtpAuthMechanism") : "auto",
                pop3, s.seconds("pop3Interval"), s.text("pop3PollMode").equals("backoff"), s.seconds("maxTripTime"),
                Pop3AuthMode.valueOf(s.text("pop3Auth").toUpperCase(java.util.Locale.ROOT)), pop3Login,
                s.optionalText("trustStore").map(Path::of), s.secret("trustStorePassword"), s.flag("verifyHostname"),
                resultDirectory);
    }
}
