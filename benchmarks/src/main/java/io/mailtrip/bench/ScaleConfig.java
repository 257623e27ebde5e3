package io.mailtrip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The runner configuration of the scale test: {@code n} instances {@code s00000...}, each sending from
 * the benchmark sender to its own GreenMail mailbox {@code probe<n>@localhost} at {@code interval}
 * seconds, results as JSON lines. The POP3 password comes from the environment, as in production.
 */
final class ScaleConfig {

    static final String PASSWORD_VARIABLE = "BENCH_POP3_PASSWORD";

    private ScaleConfig() {
    }

    static String instanceId(int n) {
        return String.format(Locale.ROOT, "s%05d", n);
    }

    /**
     * Writes the configuration, as JSON when {@code file} ends with {@code .json} (the runner reads both;
     * its YAML parser stops at 3 MiB, about 8,000 instances of this size), else as YAML;
     * {@code historyFile} (may be null) adds a persisted history.
     */
    static void write(Path file, Path jsonLines, Path historyFile, int instances, int interval, int smtpPort,
                      int pop3Port) throws IOException {
        if (file.getFileName().toString().endsWith(".json")) {
            writeJson(file, jsonLines, historyFile, instances, interval, smtpPort, pop3Port);
            return;
        }
        StringBuilder yaml = new StringBuilder();
        yaml.append("jsonLines: ").append(jsonLines).append('\n');
        if (historyFile != null) {
            yaml.append("history: {file: ").append(historyFile).append("}\n");
        }
        yaml.append("sensors:\n");
        for (int n = 0; n < instances; n++) {
            yaml.append("  - id: ").append(instanceId(n)).append('\n');
            yaml.append("    sensor: smtp-pop3-roundtrip\n");
            yaml.append("    settings: {interval: ").append(interval)
                    .append(", from: ").append(BenchMailServer.SENDER)
                    .append(", to: ").append(BenchMailServer.probe(n))
                    .append(", smtpHost: 127.0.0.1, smtpPort: ").append(smtpPort)
                    .append(", smtpSecurity: none, smtpTimeout: 10")
                    .append(", pop3Host: 127.0.0.1, pop3Port: ").append(pop3Port)
                    .append(", pop3Security: none, pop3Timeout: 10, pop3Auth: password, pop3User: probe").append(n)
                    .append(", pop3Password: '${env:").append(PASSWORD_VARIABLE).append("}'")
                    .append(", maxTripTime: 30}\n");
        }
        Files.writeString(file, yaml);
    }

    private static void writeJson(Path file, Path jsonLines, Path historyFile, int instances, int interval,
                                  int smtpPort, int pop3Port) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("jsonLines", jsonLines.toString());
        if (historyFile != null) {
            root.putObject("history").put("file", historyFile.toString());
        }
        ArrayNode sensors = root.putArray("sensors");
        for (int n = 0; n < instances; n++) {
            ObjectNode sensor = sensors.addObject();
            sensor.put("id", instanceId(n));
            sensor.put("sensor", "smtp-pop3-roundtrip");
            ObjectNode settings = sensor.putObject("settings");
            settings.put("interval", interval);
            settings.put("from", BenchMailServer.SENDER);
            settings.put("to", BenchMailServer.probe(n));
            settings.put("smtpHost", "127.0.0.1");
            settings.put("smtpPort", smtpPort);
            settings.put("smtpSecurity", "none");
            settings.put("smtpTimeout", 10);
            settings.put("pop3Host", "127.0.0.1");
            settings.put("pop3Port", pop3Port);
            settings.put("pop3Security", "none");
            settings.put("pop3Timeout", 10);
            settings.put("pop3Auth", "password");
            settings.put("pop3User", "probe" + n);
            settings.put("pop3Password", "${env:" + PASSWORD_VARIABLE + "}");
            settings.put("maxTripTime", 30);
        }
        mapper.writeValue(file.toFile(), root);
    }
}
