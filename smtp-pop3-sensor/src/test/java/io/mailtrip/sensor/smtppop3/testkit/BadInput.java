package io.mailtrip.sensor.smtppop3.testkit;

import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.sensor.smtppop3.RoundTripCatalogue;

import java.util.List;
import java.util.Map;

/**
 * The bad-input matrix every host is tested with: each case is one setting set to one bad value on top
 * of {@link #validBase()}, and the one line the SPI reports for it. Adapters render the key their way
 * (an option name, a YAML path, a form field) but must carry the same rule.
 *
 * @param key      setting key
 * @param value    bad value (may hold control characters)
 * @param expected the SPI's line, {@code key: rule}
 */
public record BadInput(String key, String value, String expected) {

    private static final String ONE_ADDRESS = " is not exactly one e-mail address (like probe@example.org)";
    private static final String HOST = " is not a host name, IPv4 or IPv6 address";
    private static final String CONTROL = "must not contain control characters (CR, LF, NUL, TAB...)";
    private static final String TLS_MODES = "startTlsIfAvailable, tlsIfAvailable, enforceStartTls, enforceTls, none";

    /** A valid set of settings the cases change one at a time (no server is contacted). */
    public static Map<String, String> validBase() {
        return SettingsFixture.probe("sensor@example.org", "probe@example.org")
                .with(MailSettings.SMTP_HOST, "smtp.example.org").with(RoundTripCatalogue.POP3_HOST, "pop3.example.org")
                .smtpLogin("sensor", "Bad-Input-Pw-1").pop3Login("probe", "Bad-Input-Pw-2").map();
    }

    public static List<BadInput> cases() {
        return List.of(
                new BadInput("from", "not-an-address", "from: 'not-an-address'" + ONE_ADDRESS),
                new BadInput("from", "a@example.org,b@example.org", "from: 'a@example.org,b@example.org'" + ONE_ADDRESS),
                new BadInput("to", "a@example.org b@example.org", "to: 'a@example.org b@example.org'" + ONE_ADDRESS),
                new BadInput("to", "Probe <p@example.org>", "to: 'Probe <p@example.org>'" + ONE_ADDRESS),
                new BadInput("to", "p@example.org\r\nBcc: x@example.org", "to: " + CONTROL),
                new BadInput("to", "@example.org", "to: '@example.org'" + ONE_ADDRESS),
                new BadInput("from", "pröbe@example.org", "from: 'pröbe@example.org'" + ONE_ADDRESS),
                new BadInput("heloIdent", "höst.example.org", "heloIdent: 'höst.example.org'" + HOST),
                new BadInput("heloIdent", "two words", "heloIdent: 'two words'" + HOST),
                new BadInput("subjectText", "Hi\r\nBcc: victim@example.org", "subjectText: " + CONTROL),
                new BadInput("subjectText", "nul\u0000byte", "subjectText: " + CONTROL),
                new BadInput("subjectText", "x".repeat(201), "subjectText: is 201 characters long, at most 200 allowed"),
                new BadInput("smtpUser", "user\nname", "smtpUser: " + CONTROL),
                new BadInput("pop3User", "probe\r", "pop3User: " + CONTROL),
                new BadInput("smtpPassword", "pass\r\nword", "smtpPassword: " + CONTROL),
                new BadInput("smtpHost", "smtp example", "smtpHost: 'smtp example'" + HOST),
                new BadInput("smtpHost", "300.1.1.1", "smtpHost: '300.1.1.1'" + HOST),
                new BadInput("pop3Host", "::g", "pop3Host: '::g'" + HOST),
                new BadInput("pop3Host", "a".repeat(300), "pop3Host: '" + "a".repeat(60) + "...'" + HOST),
                new BadInput("smtpPort", "0", "smtpPort: 0 is not in 1..65535"),
                new BadInput("smtpPort", "65536", "smtpPort: 65536 is not in 1..65535"),
                new BadInput("smtpPort", "smtp", "smtpPort: 'smtp' is not a whole number (accepted: 1..65535)"),
                new BadInput("pop3Port", "-110", "pop3Port: -110 is not in 1..65535"),
                new BadInput("pop3Port", "9".repeat(30), "pop3Port: '" + "9".repeat(30)
                        + "' is not a whole number (accepted: 1..65535)"),
                new BadInput("smtpTimeout", "0", "smtpTimeout: 0 is not in 1..900"),
                new BadInput("smtpTimeout", "901", "smtpTimeout: 901 is not in 1..900"),
                new BadInput("pop3Timeout", "-1", "pop3Timeout: -1 is not in 1..900"),
                new BadInput("pop3Timeout", "1.5", "pop3Timeout: '1.5' is not a whole number (accepted: 1..900)"),
                new BadInput("interval", "0", "interval: 0 is not at least 1"),
                new BadInput("pop3Interval", "0", "pop3Interval: 0 is not at least 1"),
                new BadInput("maxTripTime", "-300", "maxTripTime: -300 is not at least 1"),
                new BadInput("smtpAuth", "login", "smtpAuth: 'login' is not one of none, password, oauth2"),
                new BadInput("smtpAuthMechanism", "xoauth2", "smtpAuthMechanism: 'xoauth2' is not one of auto, plain,"
                        + " login, cramMd5"),
                new BadInput("pop3Auth", "cram", "pop3Auth: 'cram' is not one of none, password, apop, oauth2"),
                new BadInput("smtpSecurity", "ssl", "smtpSecurity: 'ssl' is not one of " + TLS_MODES),
                new BadInput("pop3Security", "STARTTLS", "pop3Security: 'STARTTLS' is not one of " + TLS_MODES),
                new BadInput("pop3PollMode", "sometimes", "pop3PollMode: 'sometimes' is not one of backoff, fixed"),
                new BadInput("verifyHostname", "maybe", "verifyHostname: 'maybe' is not true or false"),
                new BadInput("resultHandling", "keep", "resultHandling: 'keep' is not one of discard, store"),
                new BadInput("primaryChannel", "latency", "primaryChannel: 'latency' is not one of total, smtp, pop3,"
                        + " downtime"),
                new BadInput("graphType", "pie", "graphType: 'pie' is not one of independent, stacked"),
                new BadInput("trustStore", "/no/such/truststore.p12",
                        "trustStore: cannot read file /no/such/truststore.p12"));
    }

    /** True for cases only the sensor can find, when it is created (not when the settings are parsed). */
    public boolean foundAtCreation() {
        return key.equals("trustStore");
    }
}
