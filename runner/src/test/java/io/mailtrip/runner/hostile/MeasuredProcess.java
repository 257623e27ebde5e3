package io.mailtrip.runner.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A finished external process with what the fault suite asserts about it: exit code, output, wall time
 * and peak resident memory. The peak is the kernel's high-water mark ({@code VmHWM} in
 * {@code /proc/PID/status}), read every 20 ms while the process lives, so it counts the whole JVM
 * (heap, metaspace, threads, buffers), not just the heap that {@code -Xmx} caps. Every wait is bounded.
 *
 * @param peakRssMiB highest resident set seen, in MiB; 0 when {@code /proc} is not available
 */
public record MeasuredProcess(int exitCode, String stdout, String stderr, Duration wallTime, long peakRssMiB) {

    private static final long POLL_MILLIS = 20;

    /** Runs {@code command} with stdin closed; fails the test when it does not end within {@code limit}. */
    public static MeasuredProcess run(List<String> command, Map<String, String> environment, Duration limit)
            throws IOException, InterruptedException {
        return run(command, environment, null, limit);
    }

    /**
     * Runs {@code command} with stdin closed, stops it with SIGTERM after {@code stopAfter} (null: never),
     * and fails the test when it does not end within {@code limit}.
     */
    public static MeasuredProcess run(List<String> command, Map<String, String> environment, Duration stopAfter,
                                      Duration limit) throws IOException, InterruptedException {
        Path out = Files.createTempFile("mailtrip-fault", ".out");
        Path err = Files.createTempFile("mailtrip-fault", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
            long peakKiB = 0;
            long end = start + limit.toNanos();
            long stop = stopAfter == null ? Long.MAX_VALUE : start + stopAfter.toNanos();
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                peakKiB = Math.max(peakKiB, highWaterKiB(status));
                if (System.nanoTime() > stop) {
                    process.destroy();
                    stop = Long.MAX_VALUE;
                }
                if (System.nanoTime() > end) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(command + " did not end within " + limit + "; stdout: "
                            + Files.readString(out) + " stderr: " + Files.readString(err));
                }
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return new MeasuredProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), wall, peakKiB / 1024);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static long highWaterKiB(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between two polls.
        }
        return 0;
    }

    /** Wall time in seconds, for assertions with a message. */
    public double seconds() {
        return wallTime.toNanos() / 1e9;
    }

    public String firstLine() {
        return stdout.lines().findFirst().orElse("");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " after " + String.format(java.util.Locale.ROOT, "%.2f", seconds()) + " s, peak "
                + peakRssMiB + " MiB; stdout: " + stdout + "; stderr: " + stderr;
    }
}
