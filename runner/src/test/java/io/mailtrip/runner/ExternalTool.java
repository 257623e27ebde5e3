package io.mailtrip.runner;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A program from a Debian package that a test drives (promtool, chromium, icinga2, systemd-analyze).
 * Gated like the real mail stack: locally the test is skipped when the program is missing; in CI
 * ({@code CI=true}) it fails, so a missing package can never turn a check green.
 */
final class ExternalTool {

    private ExternalTool() {
    }

    /** The program's path; skips the test locally, fails it in CI, when it is not installed. */
    static Path require(String path, String debianPackage) {
        Path program = Path.of(path);
        boolean installed = Files.isExecutable(program);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail(path + " is not installed: apt-get install " + debianPackage + " (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, path + " not installed (apt-get install " + debianPackage + "); skipping");
        return program;
    }

    /** What a finished program printed. */
    record Run(int exitCode, String stdout, String stderr) {
        String both() {
            return stdout + stderr;
        }
    }

    /** Runs {@code command} with {@code stdin}, bounded by {@code timeout}; the program is killed after it. */
    static Run run(List<String> command, String stdin, Map<String, String> environment, Path workDir,
                   Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool", ".out");
        Path err = Files.createTempFile("tool", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(command.get(0) + " did not finish within " + timeout + ": " + Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
