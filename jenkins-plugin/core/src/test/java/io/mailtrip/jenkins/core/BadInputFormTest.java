package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ConfigurationProblem;

import io.mailtrip.sensor.smtppop3.testkit.BadInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared bad-input matrix through the Jenkins form binding: one problem, on the field the user
 * edits (the credentials field for user names and passwords), with the SPI's rule and no secret.
 */
class BadInputFormTest {

    private static final FormBinding BINDING = new FormBinding(FormModel.of(BundledSensor.DESCRIPTOR));
    private static final Map<String, String> CREDENTIAL_FIELDS = Map.of(
            "smtpUser", "smtpCredentialsId", "smtpPassword", "smtpCredentialsId",
            "pop3User", "pop3CredentialsId", "pop3Password", "pop3CredentialsId");

    static Stream<BadInput> cases() {
        // An unreadable trust store is found when the sensor is created, not when the form binds.
        return BadInput.cases().stream().filter(bad -> !bad.foundAtCreation());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadValueIsOneProblemOnItsField(BadInput bad) {
        Map<String, String> values = BadInput.validBase();
        values.put(bad.key(), bad.value());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("instanceId", "mail1");
        form.put("sensorId", "smtp-pop3-roundtrip");
        values.forEach((key, value) -> {
            if (!CREDENTIAL_FIELDS.containsKey(key)) {
                form.put(key, value);
            }
        });
        form.put("smtpCredentialsId", "smtp");
        form.put("pop3CredentialsId", "pop3");
        CredentialsLookup store = id -> Optional.of(id.equals("smtp")
                ? new UsernamePassword(values.get("smtpUser"), values.get("smtpPassword"))
                : new UsernamePassword(values.get("pop3User"), values.get("pop3Password")));

        List<String> lines = BINDING.problems(form, store).stream().map(ConfigurationProblem::line).toList();

        String expected = CREDENTIAL_FIELDS.containsKey(bad.key())
                ? CREDENTIAL_FIELDS.get(bad.key()) + ": " + bad.expected() : bad.expected();
        assertThat(lines).containsExactly(expected);
        assertThat(String.join("\n", lines)).doesNotContain("Bad-Input-Pw-1").doesNotContain("Bad-Input-Pw-2")
                .doesNotContain("pass\r\nword");
    }
}
