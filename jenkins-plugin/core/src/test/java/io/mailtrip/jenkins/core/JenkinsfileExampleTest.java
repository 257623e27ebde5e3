package io.mailtrip.jenkins.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mailtrip.spi.Settings;
import io.mailtrip.host.SettingsLayer;
import io.mailtrip.host.SettingsPipeline;
import io.mailtrip.host.ValueReferences;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin-free fallback: the example Jenkinsfile and the runner configuration beside it agree, and
 * the configuration's settings are valid for the sensor. The Jenkinsfile itself cannot run here; this
 * reads it as text, enough to catch a drifted path, command or trigger.
 */
class JenkinsfileExampleTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("Jenkinsfile should contain " + regex).isTrue();
        return m.group(1);
    }

    @Test
    void theJenkinsfileRunsTheRunnerOnceOnACronTriggerAndPublishesItsJunitXml() throws IOException {
        String jenkinsfile = Files.readString(EXAMPLES.resolve("Jenkinsfile"));
        JsonNode config = new YAMLMapper().readTree(EXAMPLES.resolve("mailtrip.yml").toFile());

        assertThat(find(jenkinsfile, "triggers \\{\\s*cron\\('([^']+)'\\)")).isEqualTo("H/5 * * * *");
        String command = find(jenkinsfile, "sh\\(script: '([^']+)',\\s*returnStatus: true\\)");
        assertThat(command).isEqualTo("java -jar mailtrip-runner.jar --config mailtrip.yml --once");
        assertThat(jenkinsfile).contains("if (code > 1)");
        String junitPath = find(jenkinsfile, "junit testResults: '([^']+)', allowEmptyResults: false");
        assertThat(junitPath).isEqualTo(config.get("junitXml").asText());
        assertThat(EXAMPLES.resolve(find(command, "--config (\\S+)"))).exists();
    }

    @Test
    void theExampleSettingsAreValidSensorSettingsWithSecretsFromTheEnvironment() throws IOException {
        String jenkinsfile = Files.readString(EXAMPLES.resolve("Jenkinsfile"));
        JsonNode sensor = new YAMLMapper().readTree(EXAMPLES.resolve("mailtrip.yml").toFile()).get("sensors").get(0);
        assertThat(sensor.get("sensor").asText()).isEqualTo(BundledSensor.ID);
        Map<String, String> raw = new LinkedHashMap<>();
        sensor.get("settings").fields().forEachRemaining(e -> raw.put(e.getKey(), e.getValue().asText()));

        // The variables withCredentials binds are the ones the configuration references.
        String user = find(jenkinsfile, "usernameVariable: '([^']+)'");
        String password = find(jenkinsfile, "passwordVariable: '([^']+)'");
        Map<String, String> environment = Map.of(user, "probe", password, "Env-Secret-2468");
        Settings settings = new SettingsPipeline(new ValueReferences(environment::get)).resolve(
                BundledSensor.DESCRIPTOR, List.of(SettingsLayer.of("sensor", sensor.get("id").asText(), raw)),
                (problem, origin) -> problem).settings();

        assertThat(settings.text("pop3User")).isEqualTo("probe");
        assertThat(settings.secret("pop3Password").orElseThrow().reveal()).isEqualTo("Env-Secret-2468");
        assertThat(settings.ignored()).isEmpty();
        assertThat(settings.describe().toString()).doesNotContain("Env-Secret-2468");
    }
}
