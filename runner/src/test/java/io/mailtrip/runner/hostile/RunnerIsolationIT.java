package io.mailtrip.runner.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.mailkit.testing.hostile.HostileServer;
import io.mailtrip.mailkit.testing.hostile.HostileSmtp;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "Done when": the runner keeps producing results for its other instances while one instance
 * faces a hostile server. The runner runs continuously as a process under a small heap with two
 * instances every second: one against GreenMail, one against an SMTP server whose greeting never ends.
 */
class RunnerIsolationIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static final Duration RUN_FOR = Duration.ofSeconds(14);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theOtherInstanceKeepsItsResultsWhileOneFacesAnEndlessGreeting() throws Exception {
        try (HostileServer hostile = HostileServer.start("endless-greeting", HostileSmtp.endlessGreetingLine())) {
            Map<String, String> good = Hosts.withTenSecondBudget(MailServers.plainSettings(GREEN_MAIL));
            good.put("interval", "1");
            Map<String, String> bad = new LinkedHashMap<>(good);
            bad.put("smtpPort", String.valueOf(hostile.port()));
            Map<String, Map<String, String>> instances = new LinkedHashMap<>();
            instances.put("good", good);
            instances.put("hostile", bad);
            Path config = Hosts.writeConfig(dir, instances, "");

            MeasuredProcess run = MeasuredProcess.run(List.of(Hosts.java(), Hosts.RUNNER_HEAP, "-jar",
                    Hosts.runnerJar().toString(), "--config", config.toString()), Map.of(), RUN_FOR,
                    RUN_FOR.plus(Duration.ofSeconds(30)));

            List<JsonNode> goodResults = new ArrayList<>();
            List<JsonNode> hostileResults = new ArrayList<>();
            for (String line : run.stdout().lines().filter(l -> l.startsWith("{")).toList()) {
                JsonNode result = JSON.readTree(line);
                (result.get("instance").asText().equals("good") ? goodResults : hostileResults).add(result);
            }
            assertThat(run.stderr()).as(run.toString()).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
            assertThat(hostileResults).as(run.toString()).isNotEmpty().allSatisfy(result -> {
                assertThat(result.get("status").asText()).isIn("DOWN", "UNKNOWN");
                assertThat(result.get("phase").asText()).isEqualTo("smtp");
                assertThat(result.get("elapsedSeconds").asDouble()).isLessThanOrEqualTo(10.0 + 1.0);
            });
            assertThat(goodResults).as(run.toString()).hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(result -> assertThat(result.get("status").asText()).isEqualTo("UP"));
            // No gap in the good instance's results while the hostile runs were going on.
            for (int i = 1; i < goodResults.size(); i++) {
                Duration gap = Duration.between(Instant.parse(goodResults.get(i - 1).get("time").asText()),
                        Instant.parse(goodResults.get(i).get("time").asText()));
                assertThat(gap).as("gap before good result " + i).isLessThan(Duration.ofSeconds(4));
            }
            assertThat(run.peakRssMiB()).as(run.toString()).isLessThanOrEqualTo(Hosts.MAX_RSS_MIB);
        }
    }
}
