package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.mailkit.testing.TestTls;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.sensor.smtppop3.testkit.SettingsFixture;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of the settings table, with the exact line a user reads. */
class SettingsValidationTest {

    private final SensorProvider provider = Sensors.roundTripProvider();

    private static Map<String, String> minimal() {
        return SettingsFixture.probe("sensor@example.org", "probe@example.org")
                .with(MailSettings.SMTP_HOST, "smtp.example.org").with(RoundTripCatalogue.POP3_HOST, "pop3.example.org")
                .map();
    }

    private Settings parse(Map<String, String> raw) {
        return Settings.parse(provider.descriptor(), raw);
    }

    private List<String> problemsWith(String... keyValues) {
        Map<String, String> raw = minimal();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put(keyValues[i], keyValues[i + 1]);
        }
        try {
            parse(raw);
        } catch (ConfigurationException e) {
            return e.problems().stream().map(ConfigurationProblem::line).toList();
        }
        throw new AssertionError("expected a configuration error for " + List.of(keyValues));
    }

    @Test
    void minimalSettingsTakeTheSeedDefaults() {
        Settings settings = parse(minimal());

        assertThat(settings.integer("smtpPort")).isEqualTo(465);
        assertThat(settings.integer("pop3Port")).isEqualTo(995);
        assertThat(settings.integer("smtpTimeout")).isEqualTo(60);
        assertThat(settings.integer("maxTripTime")).isEqualTo(300);
        assertThat(settings.text("pop3Auth")).isEqualTo("none");
        assertThat(settings.flag("verifyHostname")).isTrue();
        assertThat(settings.list("tags")).containsExactly("mailsensor", "pop3sensor", "roundtrip");
        assertThat(settings.text("heloIdent")).isNotBlank();
        assertThat(settings.has("resultDirectory")).isFalse();
        assertThat(settings.has("stackUnit")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> ports {1}/{2}")
    @CsvSource({"startTlsIfAvailable,25,110", "tlsIfAvailable,465,995", "enforceStartTls,25,110",
            "enforceTls,465,995", "none,25,110"})
    void portDefaultsFollowTheTlsMode(String mode, int smtpPort, int pop3Port) {
        Map<String, String> raw = minimal();
        raw.put(MailSettings.SMTP_SECURITY.name(), mode);
        raw.put(RoundTripCatalogue.POP3_SECURITY.name(), mode);

        Settings settings = parse(raw);

        assertThat(settings.integer("smtpPort")).isEqualTo(smtpPort);
        assertThat(settings.integer("pop3Port")).isEqualTo(pop3Port);
    }

    @Test
    void missingRequiredSettingsAreAllListed() {
        assertThatThrownBy(() -> parse(Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessage("from: is required (one e-mail address); to: is required (one e-mail address); "
                        + "smtpHost: is required (a host name or IP address)");
    }

    @Test
    void theMailboxHostIsTheSmtpHostAndAUserMeansPasswordLoginUnlessGiven() {
        Map<String, String> raw = new HashMap<>(Map.of("from", "a@example.org", "to", "b@example.org",
                "smtpHost", "mail.example.org"));
        Settings connectOnly = parse(raw);
        assertThat(connectOnly.get(RoundTripCatalogue.POP3_HOST)).isEqualTo("mail.example.org");
        assertThat(connectOnly.get(RoundTripCatalogue.POP3_AUTH)).isEqualTo(RoundTripCatalogue.Pop3AuthMode.NONE);

        raw.put("pop3User", "probe");
        raw.put("pop3Password", "secret");
        raw.put("pop3Host", "pop.example.org");
        Settings withUser = parse(raw);
        assertThat(withUser.get(RoundTripCatalogue.POP3_HOST)).isEqualTo("pop.example.org");
        assertThat(withUser.get(RoundTripCatalogue.POP3_AUTH)).isEqualTo(RoundTripCatalogue.Pop3AuthMode.PASSWORD);
        assertThat(withUser.ignored()).isEmpty();

        raw.put("pop3Auth", "none");
        assertThat(parse(raw).get(RoundTripCatalogue.POP3_AUTH)).as("given wins")
                .isEqualTo(RoundTripCatalogue.Pop3AuthMode.NONE);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "from|not-an-address|from: 'not-an-address' is not exactly one e-mail address (like probe@example.org)",
            "to|a@example.org,b@example.org|to: 'a@example.org,b@example.org' is not exactly one e-mail address (like probe@example.org)",
            "to|a@example.org b@example.org|to: 'a@example.org b@example.org' is not exactly one e-mail address (like probe@example.org)",
            "to|Probe <p@example.org>|to: 'Probe <p@example.org>' is not exactly one e-mail address (like probe@example.org)",
            "heloIdent|höst.example.org|heloIdent: 'höst.example.org' is not a host name, IPv4 or IPv6 address",
            "heloIdent|two words|heloIdent: 'two words' is not a host name, IPv4 or IPv6 address",
            "smtpHost|smtp example|smtpHost: 'smtp example' is not a host name, IPv4 or IPv6 address",
            "pop3Host|::g|pop3Host: '::g' is not a host name, IPv4 or IPv6 address",
            "smtpPort|0|smtpPort: 0 is not in 1..65535",
            "smtpPort|65536|smtpPort: 65536 is not in 1..65535",
            "pop3Port|pop|pop3Port: 'pop' is not a whole number (accepted: 1..65535)",
            "smtpTimeout|0|smtpTimeout: 0 is not in 1..900",
            "smtpTimeout|901|smtpTimeout: 901 is not in 1..900",
            "pop3Timeout|-5|pop3Timeout: -5 is not in 1..900",
            "interval|0|interval: 0 is not at least 1",
            "pop3Interval|0|pop3Interval: 0 is not at least 1",
            "maxTripTime|0|maxTripTime: 0 is not at least 1",
            "smtpAuth|login|smtpAuth: 'login' is not one of none, password, oauth2",
            "pop3Auth|cram|pop3Auth: 'cram' is not one of none, password, apop, oauth2",
            "smtpSecurity|ssl|smtpSecurity: 'ssl' is not one of startTlsIfAvailable, tlsIfAvailable, enforceStartTls, enforceTls, none",
            "pop3Security|STARTTLS|pop3Security: 'STARTTLS' is not one of startTlsIfAvailable, tlsIfAvailable, enforceStartTls, enforceTls, none",
            "verifyHostname|maybe|verifyHostname: 'maybe' is not true or false",
            "resultHandling|keep|resultHandling: 'keep' is not one of discard, store",
            "primaryChannel|latency|primaryChannel: 'latency' is not one of total, smtp, pop3, downtime",
            "graphType|pie|graphType: 'pie' is not one of independent, stacked",
            "pop3PollMode|sometimes|pop3PollMode: 'sometimes' is not one of backoff, fixed",
    })
    void eachBadValueGetsOneLineNamingKeyAndRule(String key, String value, String expected) {
        assertThat(problemsWith(key, value)).containsExactly(expected);
    }

    @Test
    void subjectTextIsLimitedAndFreeOfLineBreaks() {
        assertThat(problemsWith("subjectText", "x".repeat(201)))
                .containsExactly("subjectText: is 201 characters long, at most 200 allowed");
        assertThat(problemsWith("subjectText", "Hi\r\nBcc: victim@example.org"))
                .containsExactly("subjectText: must not contain control characters (CR, LF, NUL, TAB...)");
        assertThat(parse(withValue("subjectText", "Prüfung " + "x".repeat(190))).text("subjectText")).startsWith("Prüfung");
    }

    @Test
    void heloIdentIsAsciiAndHostsAcceptIpv4AndIpv6() {
        Settings settings = parse(withValue("smtpHost", "2001:db8::25", "pop3Host", "192.0.2.110",
                "heloIdent", "sensor-1.example.org"));

        assertThat(settings.text("smtpHost")).isEqualTo("2001:db8::25");
        assertThat(settings.text("pop3Host")).isEqualTo("192.0.2.110");
    }

    @Test
    void credentialsAreRequiredOnlyWhenTheirAuthModeMakesThemVisible() {
        assertThat(problemsWith("smtpAuth", "password")).containsExactly(
                "smtpUser: is required when smtpAuth in {password, oauth2} (string)",
                "smtpPassword: is required when smtpAuth = password (secret)");
        assertThat(problemsWith("pop3Auth", "apop")).containsExactly(
                "pop3User: is required when pop3Auth in {password, apop, oauth2} (string)",
                "pop3Password: is required when pop3Auth in {password, apop} (secret)");

        Settings settings = parse(withValue("smtpUser", "ignored", "pop3Password", "ignored-secret"));
        assertThat(settings.has("smtpUser")).isFalse();
        assertThat(settings.ignored()).containsExactly("smtpUser", "pop3Password");
    }

    @Test
    void displayAndDebugSettingsFollowTheirVisibilityRules() {
        Settings stacked = parse(withValue("graphType", "stacked", "resultHandling", "store"));
        assertThat(stacked.text("stackUnit")).isEqualTo("ms");
        assertThat(stacked.text("resultDirectory")).isEqualTo("results");

        assertThat(problemsWith("graphType", "stacked", "stackUnit", "h"))
                .containsExactly("stackUnit: 'h' is not one of ms, s");
    }

    @Test
    void unreadableTrustStoreIsAConfigurationErrorWhenTheSensorIsCreated(@TempDir Path dir) {
        Settings settings = parse(withValue("trustStore", dir.resolve("missing.p12").toString()));

        assertThatThrownBy(() -> provider.create(settings)).isInstanceOf(ConfigurationException.class)
                .hasMessage("trustStore: cannot read file " + dir.resolve("missing.p12"));
    }

    @Test
    void trustStoreThatIsNoKeyStoreIsAConfigurationError(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not a key store");
        Settings settings = parse(withValue("trustStore", junk.toString()));

        assertThatThrownBy(() -> provider.create(settings)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("trustStore: cannot read " + junk + " as PKCS12 or JKS");
    }

    @Test
    void wrongTrustStorePasswordIsAConfigurationErrorThatNeverShowsThePassword() {
        Settings settings = parse(withValue("trustStore", TestTls.trustStore().toString(),
                "trustStorePassword", "wrong-Pw-123"));

        assertThatThrownBy(() -> provider.create(settings)).isInstanceOf(ConfigurationException.class)
                .hasMessage("trustStorePassword: wrong password for trust store " + TestTls.trustStore())
                .message().doesNotContain("wrong-Pw-123");
    }

    private static Map<String, String> withValue(String... keyValues) {
        Map<String, String> raw = minimal();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put(keyValues[i], keyValues[i + 1]);
        }
        return raw;
    }
}
