package io.mailtrip.jenkins.core;

import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.ConfigurationProblem;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A submitted instance of the sensor type chooser, in the JSON shape the browser builds from the generated
 * {@code f:dropdownList} (the chosen block's fields in the object {@code sensor}), read and bound through
 * the chosen sensor's {@link FormBinding}; the shared global defaults apply by field name.
 */
class SensorChoiceTest {

    private static final SensorProviders.Found FOUND = SensorProviders.load(SensorChoiceTest.class.getClassLoader());
    private static final CredentialsLookup STORE = id -> id.equals("mailbox")
            ? Optional.of(new UsernamePassword("probe", "Choice-Secret-77")) : Optional.empty();

    /** What the browser submits for one instance whose IMAP block is chosen (a JSONObject is such a map). */
    private static Map<String, Object> submittedImap() {
        Map<String, Object> chosen = new LinkedHashMap<>();
        chosen.put("sensorId", "smtp-imap-roundtrip");
        chosen.put("from", "sender@example.org");
        chosen.put("to", "probe@example.org");
        chosen.put("smtpHost", "");
        chosen.put("smtpAuth", "none");
        chosen.put("imapHost", "imap.example.org");
        chosen.put("imapCredentialsId", "mailbox");
        chosen.put("$redact", "trustStorePassword");
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("instanceId", "imap1");
        submitted.put(SensorChooserRenderer.CHOICE, chosen);
        return submitted;
    }

    @Test
    void theChosenBlockIsReadAsTheFlatFormOfItsSensor() {
        SensorChoice choice = SensorChoice.read(submittedImap());
        assertThat(choice.sensorId()).isEqualTo("smtp-imap-roundtrip");
        assertThat(choice.form()).containsEntry("instanceId", "imap1").containsEntry("sensorId", "smtp-imap-roundtrip")
                .containsEntry("imapHost", "imap.example.org").doesNotContainKey("$redact")
                .doesNotContainKey(SensorChooserRenderer.CHOICE);
    }

    @Test
    void aChosenImapInstanceBindsOverSharedDefaultsThatOnlyPop3FieldsCannotDisturb() {
        SensorChoice choice = SensorChoice.read(submittedImap());
        FormBinding imap = new FormBinding(FormModel.of(FOUND.require(choice.sensorId()).descriptor()));
        // The defaults form is the POP3 sensor's: smtpHost is shared, pop3Host is not an IMAP field.
        Map<String, String> defaults = Map.of("smtpHost", "relay.example.org", "pop3Host", "pop.example.org",
                "interval", "120");
        assertThat(imap.problems(choice.form(), defaults, STORE)).isEmpty();
        BoundInstance bound = imap.bind(choice.form(), defaults, STORE);
        assertThat(bound.instanceId()).isEqualTo("imap1");
        assertThat(bound.describe()).anySatisfy(line -> assertThat(line)
                .isEqualTo("smtpHost = relay.example.org (global defaults)"));
        assertThat(String.join("\n", bound.describe())).doesNotContain("Choice-Secret-77").doesNotContain("pop3Host");
    }

    @Test
    void aChosenImapInstanceIsJudgedByImapRules() {
        Map<String, Object> submitted = submittedImap();
        @SuppressWarnings("unchecked")
        Map<String, Object> chosen = (Map<String, Object>) submitted.get(SensorChooserRenderer.CHOICE);
        chosen.put("imapPort", "70000");
        chosen.put("imapHost", "");
        SensorChoice choice = SensorChoice.read(submitted);
        FormBinding imap = new FormBinding(FormModel.of(FOUND.require(choice.sensorId()).descriptor()));
        List<ConfigurationProblem> problems = imap.problems(choice.form(), Map.of(), STORE);
        assertThat(problems).extracting(ConfigurationProblem::line)
                .contains("imapPort: 70000 is not in 1..65535");
        // An empty imapHost takes smtpHost's value (a derived default), so with no defaults the missing host
        // is reported once, where the user must write it: smtpHost.
        assertThat(problems).extracting(ConfigurationProblem::key).contains("smtpHost").doesNotContain("imapHost");
    }

    /** Each instance runs and shows as the type chosen for it: the run loop takes each one's own provider. */
    @Test
    void instancesOfDifferentChosenTypesRunSideBySideEachUnderItsOwnSensor() {
        Map<String, Object> pop3 = new LinkedHashMap<>();
        Map<String, Object> pop3Block = new LinkedHashMap<>(FormBindingTest.form());
        pop3.put("instanceId", pop3Block.remove("instanceId"));
        pop3.put(SensorChooserRenderer.CHOICE, pop3Block);
        List<SensorRuns.Configured> configured = new java.util.ArrayList<>();
        for (Map<String, Object> submitted : List.of(pop3, submittedImap())) {
            SensorChoice choice = SensorChoice.read(submitted);
            io.mailtrip.spi.SensorProvider provider = FOUND.require(choice.sensorId());
            BoundInstance bound = new FormBinding(FormModel.of(provider.descriptor()))
                    .bind(choice.form(), Map.of("smtpHost", "relay.example.org"), STORE);
            configured.add(new SensorRuns.Configured(bound, provider));
        }
        try (SensorRuns runs = new SensorRuns(java.time.Duration.ofMinutes(1), 10, 1)) {
            runs.sync(configured, java.time.Instant.parse("2026-11-29T12:00:00Z"),
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            assertThat(runs.view(java.util.Locale.ENGLISH, java.time.ZoneOffset.UTC).rows())
                    .extracting(StatusRow::instanceId, StatusRow::sensorName)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("mail1", FOUND.require("smtp-pop3-roundtrip")
                                    .descriptor().displayName(java.util.Locale.ENGLISH)),
                            org.assertj.core.groups.Tuple.tuple("imap1", FOUND.require("smtp-imap-roundtrip")
                                    .descriptor().displayName(java.util.Locale.ENGLISH)));
        }
    }

    /** The live check of a chosen type's field: the browser posts the block's hidden sensor id along. */
    @Test
    void aLiveCheckJudgesTheFieldOfTheChosenTypeOverTheSharedDefaults() {
        FieldValidation imap = new FieldValidation(new FormBinding(FormModel.of(
                FOUND.require("smtp-imap-roundtrip").descriptor())));
        Map<String, String> posted = Map.of("sensorId", "smtp-imap-roundtrip");
        Map<String, String> defaults = Map.of("smtpHost", "relay.example.org", "pop3Host", "pop.example.org");
        assertThat(imap.check("imapPort", "70000", posted, defaults, STORE).message())
                .isEqualTo("70000 is not in 1..65535");
        assertThat(imap.check("smtpHost", "", posted, defaults, STORE).passed()).isTrue();
        assertThat(imap.check("smtpHost", "", posted, Map.of("pop3Host", "pop.example.org"), STORE).passed())
                .isFalse();
    }

    @Test
    void aFormWithoutAChosenSensorIsRefusedOnTheSensorIdField() {
        assertThatThrownBy(() -> SensorChoice.read(Map.of("instanceId", "x")))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems())
                        .extracting(ConfigurationProblem::line).containsExactly("sensorId: no sensor type chosen"));
        assertThatThrownBy(() -> SensorChoice.read(Map.of("instanceId", "x",
                SensorChooserRenderer.CHOICE, Map.of("from", "a@example.org"))))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void anUnknownChosenSensorIsNamedWithTheKnownOnes() {
        SensorChoice choice = SensorChoice.read(Map.of("instanceId", "x",
                SensorChooserRenderer.CHOICE, Map.of("sensorId", "smtp-nntp-roundtrip")));
        assertThatThrownBy(() -> FOUND.require(choice.sensorId())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("smtp-nntp-roundtrip").hasMessageContaining("smtp-pop3-roundtrip")
                .hasMessageContaining("smtp-imap-roundtrip");
    }
}
