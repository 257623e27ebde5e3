package io.mailtrip.sensor.smtpimap;

import io.mailtrip.sensor.smtpimap.testkit.ImapSensors;
import io.mailtrip.sensor.smtppop3.testkit.BadInput;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The bad-input matrix for the IMAP sensor: the shared cases (email, SMTP, TLS, display: same keys, same
 * rules as the POP3 sensor) and the IMAP settings' own. Each is one line naming the setting and the
 * rule, and no message carries a password.
 */
class ImapBadInputTest {

    private static final String CONTROL = "must not contain control characters (CR, LF, NUL, TAB...)";
    private static final String TLS_MODES = "startTlsIfAvailable, tlsIfAvailable, enforceStartTls, enforceTls, none";
    private static final String HOST = " is not a host name, IPv4 or IPv6 address";

    private final SensorProvider provider = ImapSensors.provider();

    static Map<String, String> validBase() {
        Map<String, String> base = new LinkedHashMap<>(BadInput.validBase());
        base.keySet().removeIf(key -> key.startsWith("pop3"));
        base.put("imapHost", "imap.example.org");
        base.put("imapUser", "probe");
        base.put("imapPassword", "Bad-Input-Pw-3");
        return base;
    }

    static Stream<BadInput> cases() {
        List<BadInput> cases = new ArrayList<>();
        for (BadInput shared : BadInput.cases()) {
            if (!shared.key().startsWith("pop3") && !shared.key().equals("primaryChannel")) {
                cases.add(shared);
            }
        }
        cases.addAll(List.of(
                new BadInput("imapHost", "imap example", "imapHost: 'imap example'" + HOST),
                new BadInput("imapHost", "::g", "imapHost: '::g'" + HOST),
                new BadInput("imapPort", "0", "imapPort: 0 is not in 1..65535"),
                new BadInput("imapPort", "imaps", "imapPort: 'imaps' is not a whole number (accepted: 1..65535)"),
                new BadInput("imapTimeout", "901", "imapTimeout: 901 is not in 1..900"),
                new BadInput("imapTimeout", "0", "imapTimeout: 0 is not in 1..900"),
                new BadInput("imapSecurity", "ssl", "imapSecurity: 'ssl' is not one of " + TLS_MODES),
                new BadInput("imapAuth", "apop", "imapAuth: 'apop' is not one of password, none, oauth2"),
                new BadInput("imapUser", "probe\r\nA1 EXPUNGE", "imapUser: " + CONTROL),
                new BadInput("imapPassword", "pw\r\nA1 EXPUNGE", "imapPassword: " + CONTROL),
                new BadInput("imapFolder", "INBOX\r\nA1 EXPUNGE", "imapFolder: " + CONTROL),
                new BadInput("imapFolder", "Eingänge", "imapFolder: must be ASCII only"),
                new BadInput("imapFolder", "x".repeat(201), "imapFolder: is 201 characters long, at most 200 allowed"),
                new BadInput("imapWait", "push", "imapWait: 'push' is not one of idle, poll"),
                new BadInput("imapInterval", "0", "imapInterval: 0 is not at least 1"),
                new BadInput("imapMoveFolder", "Trash\nA1 EXPUNGE", "imapMoveFolder: " + CONTROL),
                new BadInput("maxTripTime", "0", "maxTripTime: 0 is not at least 1"),
                new BadInput("primaryChannel", "pop3", "primaryChannel: 'pop3' is not one of total, smtp, imap,"
                        + " downtime")));
        return cases.stream();
    }

    @Test
    void matrixCoversEveryImapSetting() {
        assertThat(cases().map(BadInput::key)).contains("imapHost", "imapPort", "imapTimeout", "imapSecurity",
                "imapAuth", "imapUser", "imapPassword", "imapFolder", "imapWait", "imapInterval", "imapMoveFolder",
                "maxTripTime");
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(45);
        assertThat(Settings.parse(provider.descriptor(), validBase())).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseIsOneLineNamingKeyAndRule(BadInput bad) {
        Map<String, String> settings = validBase();
        settings.put(bad.key(), bad.value());

        ConfigurationException error = catchThrowableOfType(ConfigurationException.class, () ->
                provider.create(Settings.parse(provider.descriptor(), settings)));

        assertThat(error).as("no configuration error for " + bad).isNotNull();
        assertThat(error.problems().stream().map(p -> p.line()).toList()).containsExactly(bad.expected());
        assertThat(error.getMessage()).doesNotContain("\n").doesNotContain("\r")
                .doesNotContain("Bad-Input-Pw-1").doesNotContain("Bad-Input-Pw-3").doesNotContain("pw\r\nA1");
    }
}
