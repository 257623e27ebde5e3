package io.mailtrip.runner;

import io.mailtrip.mailkit.testing.TestIssuer;
import io.mailtrip.sensor.smtppop3.testkit.MailStack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner with a YAML instance whose SMTP and POP3 legs log in with OAuth 2.0 tokens only, against the
 * real stack (Dovecot checks the tokens with the test issuer); the client secret comes from a file.
 */
class RunnerOAuth2Test {

    private static final String SECRET = "Runner-Client-Secret-3p&";
    private static TestIssuer issuer;

    @TempDir
    Path dir;

    @BeforeAll
    static void startIssuer() throws Exception {
        MailStack.require();
        issuer = MailStack.oauth2Issuer("runner", SECRET, MailStack.get("OAUTH2_PROBE"));
    }

    @AfterAll
    static void stopIssuer() {
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void aYamlInstanceWithOauth2OnBothLegsIsUpAndNoSecretLeaves() throws Exception {
        Path secretFile = dir.resolve("client-secret");
        Files.writeString(secretFile, SECRET);
        Map<String, String> settings = MailStack.oauth2Settings(issuer, "runner", "${file:" + secretFile + "}");
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "jsonLines: out/results.jsonl\nsensors:\n" + HttpEndpointTest.instance("m365", settings));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("--config", config.toString(), "--once");

        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).contains("m365 UP").containsPattern("OAuth 2\\.0 token for SMTP in [0-9.]+ ms");
        String everything = printed + Files.readString(dir.resolve("out/results.jsonl"));
        assertThat(everything).doesNotContain(SECRET);
        issuer.secretsIssued().forEach(token -> assertThat(everything).doesNotContain(token));
    }
}
