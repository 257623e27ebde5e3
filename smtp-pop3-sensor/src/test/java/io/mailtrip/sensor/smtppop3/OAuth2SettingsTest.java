package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.sensor.smtppop3.testkit.SettingsFixture;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.Settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bad-input matrix of the OAuth 2.0 settings: URLs, scopes, missing secrets; one line each. */
class OAuth2SettingsTest {

    private final SensorProvider provider = Sensors.roundTripProvider();

    private Map<String, String> oauth2(String... keyValues) {
        Map<String, String> raw = SettingsFixture.probe("sensor@example.org", "probe@example.org")
                .with(MailSettings.SMTP_HOST, "smtp.example.org").with(RoundTripCatalogue.POP3_HOST, "pop3.example.org")
                .map();
        raw.put("pop3Auth", "oauth2");
        raw.put("pop3User", "probe@example.org");
        raw.put("oauth2TokenUrl", "https://login.example.org/tenant/oauth2/v2.0/token");
        raw.put("oauth2ClientId", "0d4c-client");
        raw.put("oauth2ClientSecret", "Client-Secret-9z!");
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                raw.remove(keyValues[i]);
            } else {
                raw.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return raw;
    }

    private List<String> problems(Map<String, String> raw) {
        try {
            provider.create(Settings.parse(provider.descriptor(), raw)).close();
        } catch (ConfigurationException e) {
            assertThat(e.getMessage()).doesNotContain("Client-Secret-9z!", "Refresh-Tok-1", "Access-Tok-2");
            return e.problems().stream().map(ConfigurationProblem::line).toList();
        }
        throw new AssertionError("expected a configuration error for " + raw);
    }

    @Test
    void oauth2SettingsAreInvisibleUntilALegUsesOauth2() {
        Map<String, String> raw = oauth2("pop3Auth", "password", "pop3Password", "pw");
        Settings settings = Settings.parse(provider.descriptor(), raw);
        assertThat(settings.ignored()).contains("oauth2TokenUrl", "oauth2ClientId", "oauth2ClientSecret");

        Settings smtpOnly = Settings.parse(provider.descriptor(), oauth2("pop3Auth", "none", "smtpAuth", "oauth2",
                "smtpUser", "sender@example.org"));
        assertThat(smtpOnly.text("oauth2Grant")).isEqualTo("clientCredentials");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "oauth2TokenUrl|http://login.example.org/token|oauth2TokenUrl: must use https: the client secret and tokens travel in it (http is allowed only to 127.0.0.1, ::1 or localhost)",
            "oauth2TokenUrl|login.example.org/token|oauth2TokenUrl: is not an absolute http(s) URL with a host (like https://login.example.org/oauth2/token)",
            "oauth2TokenUrl|ftp://login.example.org/token|oauth2TokenUrl: is not an absolute http(s) URL with a host (like https://login.example.org/oauth2/token)",
            "oauth2TokenUrl|https://user:pw@login.example.org/token|oauth2TokenUrl: must not carry a user or password; use oauth2ClientId and oauth2ClientSecret",
            "oauth2TokenUrl|https://login.example.org/token#frag|oauth2TokenUrl: must not have a fragment (#...), RFC 6749 section 3.2",
            "oauth2TokenUrl|https://login example.org/token|oauth2TokenUrl: is not a URL (like https://login.example.org/oauth2/token)",
            "oauth2Scope|mail \"all\"|oauth2Scope: has a character that a scope cannot hold at position 6 (RFC 6749 section 3.3: printable ASCII except \" and \\)",
            "oauth2Scope|mail  imap|oauth2Scope: must separate scopes by single spaces (RFC 6749 section 3.3)",
            "oauth2Scope|mäil|oauth2Scope: has a character that a scope cannot hold at position 2 (RFC 6749 section 3.3: printable ASCII except \" and \\)",
            "oauth2ClientId|client-ä|oauth2ClientId: has a character that a client id cannot hold at position 8 (RFC 6749 appendix A: printable ASCII)",
            "oauth2Grant|password|oauth2Grant: 'password' is not one of clientCredentials, refreshToken, accessToken",
            "oauth2Mechanism|plain|oauth2Mechanism: 'plain' is not one of auto, oauthbearer, xoauth2",
    })
    void eachBadValueGetsOneLineNamingKeyAndRule(String key, String value, String expected) {
        assertThat(problems(oauth2(key, value))).containsExactly(expected);
    }

    @Test
    void missingSecretsAndUrlsAreNamedWithTheirRule() {
        assertThat(problems(oauth2("oauth2ClientSecret", null))).containsExactly(
                "oauth2ClientSecret: is required when oauth2Grant = clientCredentials (the client authenticates with"
                        + " it, RFC 6749 section 4.4.2)");
        assertThat(problems(oauth2("oauth2TokenUrl", null, "oauth2ClientId", null))).containsExactly(
                "oauth2TokenUrl: is required when oauth2Grant in {clientCredentials, refreshToken} (string)",
                "oauth2ClientId: is required when oauth2Grant in {clientCredentials, refreshToken} (string)");
        assertThat(problems(oauth2("oauth2Grant", "refreshToken"))).containsExactly(
                "oauth2RefreshToken: is required when oauth2Grant = refreshToken (secret)");
        assertThat(problems(oauth2("oauth2Grant", "accessToken"))).containsExactly(
                "oauth2AccessToken: is required when oauth2Grant = accessToken (secret)");
        assertThat(problems(oauth2("pop3User", null))).containsExactly(
                "pop3User: is required when pop3Auth in {password, apop, oauth2} (string)");
    }

    @Test
    void goodSettingsOfEveryGrantCreateASensorWithoutPrintingASecret() {
        for (Map<String, String> raw : List.of(oauth2(),
                oauth2("oauth2Grant", "refreshToken", "oauth2ClientSecret", null, "oauth2RefreshToken", "Refresh-Tok-1",
                        "oauth2TokenUrl", "http://127.0.0.1:8080/token", "oauth2Scope", "https://mail.google.com/"),
                oauth2("oauth2Grant", "accessToken", "oauth2AccessToken", "Access-Tok-2"))) {
            Settings settings = Settings.parse(provider.descriptor(), raw);
            provider.create(settings).close();
            assertThat(settings.describe().toString()).doesNotContain("Client-Secret-9z!", "Refresh-Tok-1", "Access-Tok-2");
        }
        assertThatThrownBy(() -> problems(oauth2())).isInstanceOf(AssertionError.class);
    }
}
