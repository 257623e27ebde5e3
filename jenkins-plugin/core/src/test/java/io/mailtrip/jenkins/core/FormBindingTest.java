package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ConfigurationException;

import io.mailtrip.spi.ConfigurationProblem;

import io.mailtrip.spi.Settings;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Form values bind through the SPI, and every problem lands on the field the user sees. */
class FormBindingTest {

    static final String POP3_PASSWORD = "Form-Secret-1234";
    private static final FormBinding BINDING = new FormBinding(FormModel.of(BundledSensor.DESCRIPTOR));
    private static final CredentialsLookup STORE = id -> id.equals("mailbox")
            ? Optional.of(new UsernamePassword("probe", POP3_PASSWORD)) : Optional.empty();

    static Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("instanceId", "mail1");
        form.put("sensorId", "smtp-pop3-roundtrip");
        form.put("from", "sender@example.org");
        form.put("to", "probe@example.org");
        form.put("smtpHost", "mail.example.org");
        form.put("smtpPort", "");
        form.put("smtpAuth", "none");
        form.put("pop3Host", "pop.example.org");
        form.put("pop3Auth", "password");
        form.put("pop3CredentialsId", "mailbox");
        form.put("verifyHostname", "true");
        return form;
    }

    @Test
    void aCompleteFormBindsWithCredentialsResolvedAndDefaultsApplied() {
        BoundInstance bound = BINDING.bind(form(), STORE);
        Settings settings = bound.settings();
        assertThat(bound.instanceId()).isEqualTo("mail1");
        assertThat(settings.text("pop3User")).isEqualTo("probe");
        assertThat(settings.secret("pop3Password").orElseThrow().reveal()).isEqualTo(POP3_PASSWORD);
        assertThat(settings.integer("smtpPort")).isEqualTo(465);
        assertThat(settings.describe().toString()).doesNotContain(POP3_PASSWORD);
    }

    @Test
    void aBadSettingIsReportedOnItsFieldWithTheSpiRule() {
        Map<String, String> form = form();
        form.put("smtpPort", "70000");
        assertThatThrownBy(() -> BINDING.bind(form, STORE)).isInstanceOf(ConfigurationException.class)
                .hasMessage("smtpPort: 70000 is not in 1..65535");
    }

    @Test
    void aMissingCredentialIsOneLineOnTheCredentialsField() {
        Map<String, String> form = form();
        form.put("pop3CredentialsId", "");
        assertThatThrownBy(() -> BINDING.bind(form, STORE))
                .hasMessage("pop3CredentialsId: is required when pop3Auth in {password, apop}"
                        + " (a username with password credential)");
    }

    @Test
    void anUnknownCredentialIdIsNamed() {
        Map<String, String> form = form();
        form.put("pop3CredentialsId", "gone");
        assertThat(BINDING.problems(form, STORE)).extracting(ConfigurationProblem::line).containsExactly(
                "pop3CredentialsId: no username with password credential with id 'gone' is visible to Jenkins");
    }

    @Test
    void aCredentialWithALineBreakInItsUserIsRejectedWithoutShowingThePassword() {
        CredentialsLookup bad = id -> Optional.of(new UsernamePassword("probe\r\nQUIT", POP3_PASSWORD));
        assertThatThrownBy(() -> BINDING.bind(form(), bad))
                .hasMessage("pop3CredentialsId: pop3User: must not contain control characters (CR, LF, NUL, TAB...)")
                .message().doesNotContain(POP3_PASSWORD);
    }

    @Test
    void hostFieldsAndUnknownFieldsAreCheckedToo() {
        Map<String, String> form = form();
        form.put("instanceId", "mail 1");
        form.put("sensorId", "other");
        form.put("smtpPassword", "typed-by-hand");
        assertThat(BINDING.problems(form, STORE)).extracting(ConfigurationProblem::line).containsExactly(
                "smtpPassword: unknown field of the smtp-pop3-roundtrip form (known: "
                        + String.join(", ", BINDING.fieldNames()) + ")",
                "instanceId: 'mail 1' may contain letters, digits, '.', '_' and '-' only",
                "sensorId: is 'other' but this form is for sensor smtp-pop3-roundtrip");
    }

    @Test
    void invisibleValuesAreIgnoredAsTheSpiIgnoresThem() {
        Map<String, String> form = form();
        form.put("smtpCredentialsId", "no-such-id-but-smtpAuth-is-none");
        form.put("resultDirectory", "/tmp/ignored");
        assertThat(BINDING.problems(form, id -> Optional.of(new UsernamePassword("u", "p")))).isEmpty();
        assertThat(BINDING.bind(form, id -> Optional.of(new UsernamePassword("u", "p"))).settings().ignored())
                .containsExactly("smtpUser", "smtpPassword", "resultDirectory");
    }

    /** Global defaults as their form stores them: setting fields and credentials ids by field name. */
    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("from", "monitor@example.org");
        defaults.put("smtpHost", "relay.example.org");
        defaults.put("smtpPort", "587");
        defaults.put("pop3CredentialsId", "mailbox");
        defaults.put("verifyHostname", "false");
        defaults.put("primaryChannel", "");
        return defaults;
    }

    @Test
    void emptyFieldsInheritTheGlobalDefaultsAndEachValueKnowsWhereItCameFrom() {
        Map<String, String> form = form();
        form.put("from", "");
        form.put("smtpHost", "");
        form.put("pop3CredentialsId", "");
        form.put("verifyHostname", "");
        BoundInstance bound = BINDING.bind(form, defaults(), STORE);
        Settings settings = bound.settings();
        assertThat(settings.text("from")).isEqualTo("monitor@example.org");
        assertThat(settings.text("smtpHost")).isEqualTo("relay.example.org");
        assertThat(settings.integer("smtpPort")).isEqualTo(587);
        assertThat(settings.flag("verifyHostname")).isFalse();
        assertThat(settings.secret("pop3Password").orElseThrow().reveal()).isEqualTo(POP3_PASSWORD);
        assertThat(bound.inherited().origin("smtpHost")).isEqualTo(FormBinding.GLOBAL_DEFAULTS);
        assertThat(bound.inherited().origin("to").describe()).isEqualTo("sensor mail1");
        assertThat(bound.inherited().origin("smtpTimeout").describe()).isEqualTo("default");
        assertThat(bound.describe()).contains("smtpHost = relay.example.org (global defaults)",
                "pop3User = probe (global defaults)", "pop3Password = ****** (global defaults)",
                "pop3Host = pop.example.org (sensor mail1)");
        assertThat(bound.describe().toString()).doesNotContain(POP3_PASSWORD);
    }

    @Test
    void aValueTheInstanceSetsWinsOverTheGlobalDefault() {
        Map<String, String> form = form();
        form.put("smtpPort", "2525");
        BoundInstance bound = BINDING.bind(form, defaults(), STORE);
        assertThat(bound.settings().integer("smtpPort")).isEqualTo(2525);
        assertThat(bound.settings().text("from")).isEqualTo("sender@example.org");
        assertThat(bound.settings().flag("verifyHostname")).isTrue();
        assertThat(bound.inherited().origin("smtpPort").describe()).isEqualTo("sensor mail1");
    }

    @Test
    void aBadInheritedValueIsReportedOnTheFieldAndSaysWhereItComesFrom() {
        Map<String, String> form = form();
        form.put("pop3CredentialsId", "");
        Map<String, String> defaults = defaults();
        defaults.put("smtpPort", "70000");
        defaults.put("pop3CredentialsId", "gone");
        assertThat(BINDING.problems(form, defaults, STORE)).extracting(ConfigurationProblem::line).containsExactly(
                "smtpPort: 70000 is not in 1..65535 (inherited from global defaults)",
                "pop3CredentialsId: no username with password credential with id 'gone' is visible to Jenkins"
                        + " (inherited from global defaults)");
        form.put("pop3CredentialsId", "mailbox");
        form.put("smtpPort", "25");
        assertThat(BINDING.problems(form, defaults, STORE)).isEmpty();
    }

    @Test
    void aRequiredSettingNobodySetsIsStillRequired() {
        Map<String, String> form = form();
        form.put("from", "");
        Map<String, String> defaults = defaults();
        defaults.remove("from");
        assertThatThrownBy(() -> BINDING.bind(form, defaults, STORE))
                .hasMessage("from: is required (one e-mail address)");
    }

    @Test
    void theGlobalDefaultsAloneAreCheckedByTheirRulesWithNothingRequired() {
        assertThat(BINDING.defaultsProblems(Map.of(), STORE)).isEmpty();
        assertThat(BINDING.defaultsProblems(defaults(), STORE)).isEmpty();
        Map<String, String> defaults = defaults();
        defaults.put("smtpPort", "0");
        defaults.put("from", "two@example.org, addresses@example.org");
        defaults.put("instanceId", "mail1");
        assertThat(BINDING.defaultsProblems(defaults, STORE)).extracting(ConfigurationProblem::line).containsExactly(
                "instanceId: unknown field of the smtp-pop3-roundtrip global defaults (known: "
                        + String.join(", ", BINDING.defaultsModel().fields().stream().map(FormField::name).toList())
                        + ")",
                "from: 'two@example.org, addresses@example.org' is not exactly one e-mail address"
                        + " (like probe@example.org)",
                "smtpPort: 0 is not in 1..65535");
    }
}
