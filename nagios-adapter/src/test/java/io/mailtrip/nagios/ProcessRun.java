package io.mailtrip.nagios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished external process: exit code and output. Every wait is bounded. */
record ProcessRun(int exitCode, String stdout, String stderr) {

    static ProcessRun of(List<String> command, Map<String, String> environment, Duration limit)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("mailtrip-run", ".out");
        Path err = Files.createTempFile("mailtrip-run", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            // stdin stays an open pipe: a plugin that read it would hang here until the limit.
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not end within " + limit);
            }
            return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    String firstLine() {
        return stdout.lines().findFirst().orElse("");
    }

    /** label → value with unit and thresholds, from the first line's perfdata. */
    Map<String, String> perfdata() {
        String first = firstLine();
        Map<String, String> items = new HashMap<>();
        int bar = first.indexOf(" | ");
        if (bar < 0) {
            return items;
        }
        for (String item : first.substring(bar + 3).split(" ")) {
            items.put(item.substring(0, item.indexOf('=')), item.substring(item.indexOf('=') + 1));
        }
        return items;
    }
}
