package io.mailtrip.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static Map<String, String> valid() {
        Map<String, String> raw = new HashMap<>();
        raw.put("host", "mail.example.org");
        raw.put("address", "probe@example.org");
        return raw;
    }

    private static List<String> problems(Map<String, String> raw) {
        try {
            Settings.parse(ExampleSensor.DESCRIPTOR, raw);
        } catch (ConfigurationException e) {
            return e.problems().stream().map(ConfigurationProblem::line).toList();
        }
        throw new AssertionError("expected a configuration exception for " + raw);
    }

    private static List<String> problemsWith(String key, String value) {
        Map<String, String> raw = valid();
        raw.put(key, value);
        return problems(raw);
    }

    @Test
    void validSettingsAreTypedWithDefaults() {
        Settings settings = Settings.parse(ExampleSensor.DESCRIPTOR, valid());

        assertThat(settings.text("host")).isEqualTo("mail.example.org");
        assertThat(settings.integer("port")).isEqualTo(80);
        assertThat(settings.seconds("timeout")).hasSeconds(60);
        assertThat(settings.flag("verbose")).isFalse();
        assertThat(settings.list("tags")).containsExactly("a", "b");
        assertThat(settings.has("user")).isFalse();
        assertThat(settings.isVisible("user")).isFalse();
    }

    @Test
    void derivedDefaultFollowsTheSettingItDependsOn() {
        Map<String, String> raw = valid();
        raw.put("mode", "secure");

        assertThat(Settings.parse(ExampleSensor.DESCRIPTOR, raw).integer("port")).isEqualTo(443);
    }

    @Test
    void explicitValueBeatsTheDerivedDefault() {
        Map<String, String> raw = valid();
        raw.put("mode", "secure");
        raw.put("port", "8443");

        assertThat(Settings.parse(ExampleSensor.DESCRIPTOR, raw).integer("port")).isEqualTo(8443);
    }

    @Test
    void everyProblemIsReportedAtOnceInDescriptorOrder() {
        Map<String, String> raw = new HashMap<>();
        raw.put("port", "0");
        raw.put("mode", "fast");
        raw.put("colour", "red");

        assertThat(problems(raw)).containsExactly(
                "colour: unknown setting of sensor example (known: host, address, mode, port, timeout, label, ident,"
                        + " verbose, tags, auth, user, password, realm)",
                "host: is required (a host name or IP address)",
                "address: is required (one e-mail address)",
                "mode: 'fast' is not one of plain, secure",
                "port: 0 is not in 1..65535");
    }

    @Test
    void exceptionMessageJoinsEveryLine() {
        Map<String, String> raw = valid();
        raw.put("timeout", "901");
        raw.put("port", "x");

        assertThatThrownBy(() -> Settings.parse(ExampleSensor.DESCRIPTOR, raw))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("port: 'x' is not a whole number (accepted: 1..65535); timeout: 901 is not in 1..900");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = ';', value = {
            "port;65536;port: 65536 is not in 1..65535",
            "port;-1;port: -1 is not in 1..65535",
            "port;80x;port: '80x' is not a whole number (accepted: 1..65535)",
            "timeout;0;timeout: 0 is not in 1..900",
            "timeout;99999999999999999999;timeout: '99999999999999999999' is not a whole number (accepted: 1..900)",
            "verbose;yes;verbose: 'yes' is not true or false",
            "address;a@b.org, c@d.org;address: 'a@b.org, c@d.org' is not exactly one e-mail address (like probe@example.org)",
            "address;Probe <probe@example.org>;address: 'Probe <probe@example.org>' is not exactly one e-mail address (like probe@example.org)",
            "address;probe;address: 'probe' is not exactly one e-mail address (like probe@example.org)",
            "address;pröbe@example.org;address: 'pröbe@example.org' is not exactly one e-mail address (like probe@example.org)",
            "host;mail..example.org;host: 'mail..example.org' is not a host name, IPv4 or IPv6 address",
            "host;300.1.1.1;host: '300.1.1.1' is not a host name, IPv4 or IPv6 address",
            "host;-mail.example.org;host: '-mail.example.org' is not a host name, IPv4 or IPv6 address",
            "label;eleven chars;label: is 12 characters long, at most 10 allowed",
            "ident;hôte;ident: must be ASCII only",
    })
    void eachRuleNamesTheKeyAndTheRule(String key, String value, String expected) {
        assertThat(problemsWith(key, value)).containsExactly(expected);
    }

    @ParameterizedTest(name = "control character {0}")
    @CsvSource({"0x0d", "0x0a", "0x00", "0x09", "0x7f"})
    void controlCharactersAreRejectedInEveryTextSetting(String hex) {
        String injected = "x" + (char) Integer.decode(hex).intValue() + "Bcc: victim@example.org";

        assertThat(problemsWith("label", injected))
                .containsExactly("label: must not contain control characters (CR, LF, NUL, TAB...)");
        assertThat(problemsWith("address", "probe@example.org" + (char) Integer.decode(hex).intValue()))
                .containsExactly("address: must not contain control characters (CR, LF, NUL, TAB...)");
    }

    @Test
    void hugeValuesAreCutInTheMessage() {
        String huge = "x".repeat(100_000);

        List<String> lines = problemsWith("port", huge);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("port: 'xxxx").endsWith("...' is not a whole number (accepted: 1..65535)")
                .hasSizeLessThan(200);
    }

    @Test
    void visibleSettingIsRequiredAndNamesItsRule() {
        Map<String, String> raw = valid();
        raw.put("auth", "password");

        assertThat(problems(raw)).containsExactly(
                "user: is required when auth = password (string)",
                "password: is required when auth in {password, token} (secret)");
    }

    @Test
    void invisibleSettingIsNeitherRequiredNorValidatedAndItsValueIsIgnored() {
        Map<String, String> raw = valid();
        raw.put("user", "x\ny");

        Settings settings = Settings.parse(ExampleSensor.DESCRIPTOR, raw);

        assertThat(settings.has("user")).isFalse();
        assertThat(settings.ignored()).containsExactly("user");
    }

    @Test
    void visibilityChainsThroughItsControllingSetting() {
        Map<String, String> raw = valid();
        raw.put("auth", "password");
        raw.put("user", "admin");
        raw.put("password", "pw");

        assertThat(problems(raw)).containsExactly("realm: is required when user = admin (string)");

        raw.put("auth", "token");
        Settings settings = Settings.parse(ExampleSensor.DESCRIPTOR, raw);
        assertThat(settings.isVisible("realm")).as("user is invisible, so realm is too").isFalse();
        assertThat(settings.ignored()).containsExactly("user");
    }

    @Test
    void secretsAreNeverEchoedAndDescribeMasksThem() {
        Map<String, String> raw = valid();
        raw.put("auth", "token");
        raw.put("password", " s3cret with spaces ");

        Settings settings = Settings.parse(ExampleSensor.DESCRIPTOR, raw);

        assertThat(settings.secret("password").orElseThrow().reveal()).isEqualTo(" s3cret with spaces ");
        assertThat(settings.secret("password").orElseThrow()).hasToString(Secret.MASK);
        assertThat(settings.describe()).containsEntry("password", Secret.MASK)
                .containsEntry("port", "80").containsEntry("tags", "a b");
        assertThat(settings.describe().values()).noneMatch(v -> v.contains("s3cret"));
    }

    @Test
    void blankValuesMeanUnsetAndOtherValuesAreTrimmed() {
        Map<String, String> raw = valid();
        raw.put("port", "  ");
        raw.put("host", "  mail.example.org ");

        Settings settings = Settings.parse(ExampleSensor.DESCRIPTOR, raw);

        assertThat(settings.integer("port")).isEqualTo(80);
        assertThat(settings.text("host")).isEqualTo("mail.example.org");
    }

    @Test
    void askingForAnUnknownKeyIsAProgrammingError() {
        Settings settings = Settings.parse(ExampleSensor.DESCRIPTOR, valid());

        assertThatThrownBy(() -> settings.text("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a setting of example: nope");
    }
}
