package io.mailtrip.jenkins.core;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The live check beside a field says exactly what saving would say about that field. */
class FieldValidationTest {

    private static final FieldValidation VALIDATION = new FieldValidation(
            new FormBinding(FormModel.of(BundledSensor.DESCRIPTOR)));

    private static FieldCheck check(String field, String value, Map<String, String> others) {
        return VALIDATION.check(field, value, others, Map.of(), CredentialsLookup.NONE);
    }

    @Test
    void aValueOutOfRangeGetsTheSpiMessageWithoutTheKey() {
        assertThat(check("smtpPort", "70000", Map.of())).isEqualTo(FieldCheck.error("70000 is not in 1..65535"));
        assertThat(check("smtpPort", "587", Map.of())).isEqualTo(FieldCheck.ok());
        assertThat(check("smtpPort", "", Map.of())).isEqualTo(FieldCheck.ok());
    }

    @Test
    void typeAndRuleMessagesComeFromTheSpi() {
        assertThat(check("from", "not an address", Map.of())).isEqualTo(
                FieldCheck.error("'not an address' is not exactly one e-mail address (like probe@example.org)"));
        assertThat(check("from", "", Map.of())).isEqualTo(FieldCheck.error("is required (one e-mail address)"));
        assertThat(check("subjectText", "x".repeat(201), Map.of()).message()).isNotEmpty();
    }

    @Test
    void aFieldThatDoesNotApplyPassesAndOneThatAppliesIsRequired() {
        assertThat(check("smtpCredentialsId", "", Map.of("smtpAuth", "none"))).isEqualTo(FieldCheck.ok());
        assertThat(check("smtpCredentialsId", "", Map.of("smtpAuth", "password"))).isEqualTo(FieldCheck.error(
                "is required when smtpAuth = password (a username with password credential)"));
    }

    @Test
    void theInstanceIdRuleIsChecked() {
        assertThat(check("instanceId", "mail/1", Map.of()))
                .isEqualTo(FieldCheck.error("'mail/1' may contain letters, digits, '.', '_' and '-' only"));
        assertThat(check("instanceId", "mail-1.example", Map.of())).isEqualTo(FieldCheck.ok());
    }

    @Test
    void aSecretIsNeverEchoed() {
        FieldCheck result = check("trustStorePassword", "pass\nword", Map.of());
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).doesNotContain("pass").doesNotContain("word");
    }

    @Test
    void anEmptyFieldThatAGlobalDefaultFillsPassesAndABadDefaultIsNamedAsInherited() {
        assertThat(VALIDATION.check("from", "", Map.of(), Map.of("from", "sender@example.org"),
                CredentialsLookup.NONE)).isEqualTo(FieldCheck.ok());
        assertThat(VALIDATION.check("smtpPort", "", Map.of(), Map.of("smtpPort", "70000"), CredentialsLookup.NONE))
                .isEqualTo(FieldCheck.error("70000 is not in 1..65535 (inherited from global defaults)"));
        assertThat(VALIDATION.check("smtpPort", "587", Map.of(), Map.of("smtpPort", "70000"),
                CredentialsLookup.NONE)).isEqualTo(FieldCheck.ok());
    }

    @Test
    void aGlobalDefaultIsCheckedByItsRulesButNothingIsRequired() {
        assertThat(VALIDATION.checkDefault("from", "", Map.of(), CredentialsLookup.NONE)).isEqualTo(FieldCheck.ok());
        assertThat(VALIDATION.checkDefault("smtpPort", "70000", Map.of(), CredentialsLookup.NONE))
                .isEqualTo(FieldCheck.error("70000 is not in 1..65535"));
        assertThat(VALIDATION.checkDefault("pop3CredentialsId", "", Map.of("pop3Auth", "password"),
                CredentialsLookup.NONE)).isEqualTo(FieldCheck.ok());
        assertThat(VALIDATION.checkDefault("pop3CredentialsId", "gone", Map.of("pop3Auth", "password"),
                CredentialsLookup.NONE)).isEqualTo(FieldCheck.error(
                "no username with password credential with id 'gone' is visible to Jenkins"));
        assertThat(VALIDATION.checkDefault("instanceId", "mail1", Map.of(), CredentialsLookup.NONE))
                .isEqualTo(FieldCheck.error("unknown field of the smtp-pop3-roundtrip global defaults"));
    }

    @Test
    void anUnknownFieldIsNamedAsSuch() {
        assertThat(check("smtpPassword", "x", Map.of()))
                .isEqualTo(FieldCheck.error("unknown field of the smtp-pop3-roundtrip form"));
    }
}
