package io.mailtrip.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 8, scale: the runner's shaded jar as its own process with {@code instances} round-trip sensors
 * at {@code interval} s against GreenMail in another JVM (so the runner's CPU is its own). After a
 * warm-up, samples the runner over a steady window from {@code /proc}: CPU (utime + stime), threads,
 * RSS; then the heap ({@code jcmd GC.heap_info}, before and after a full GC); stops both with SIGTERM
 * and checks the JSON lines: every planned start in the window has exactly one result (exit 1 when
 * not), and its start jitter.
 *
 * <p>Usage: {@code ScaleBenchmark [instances=2000] [warmupSeconds=90] [windowSeconds=180] [interval=60]
 * [runnerJar=runner/target/mailtrip-runner.jar] [runnerXmx=256m] [history=none|full] [config=yml|json]}
 * ({@link ScaleRun}); {@link ScaleComparison} alternates several runner jars. {@code full} starts
 * the runner with a history file in which every instance has a day of results (1440 statuses, 240
 * chart points): its steady-state memory, and the history saved every minute.
 */
public final class ScaleBenchmark {

    /** System property with extra JVM options for the runner (profiling, GC logs). */
    static final String RUNNER_JVM_PROPERTY = "mailtrip.bench.runnerJvm";
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private ScaleBenchmark() {
    }

    /**
     * What one run measured.
     *
     * @param runnerCpu    runner CPU over the window, % of one core
     * @param loadStart    1-minute load average at the window's start
     * @param loadEnd      the same at its end
     * @param outcome      results, lost and doubled starts, start jitter
     */
    record Figures(double runnerCpu, double loadStart, double loadEnd, ScheduleAnalysis.Outcome outcome) {

        boolean failed() {
            return outcome.results() == 0 || outcome.lost() > 0 || outcome.duplicates() > 0;
        }
    }

    public static void main(String[] args) throws Exception {
        if (measure(ScaleRun.of(args)).failed()) {
            System.out.println("FAILED: a planned start in the window has no result, or more than one");
            System.exit(1);
        }
    }

    /** One run, its figures printed as they come. */
    static Figures measure(ScaleRun run) throws Exception {
        int instances = run.instances();
        int warmup = run.warmupSeconds();
        int window = run.windowSeconds();
        int interval = run.interval();
        Path runnerJar = run.runnerJar();
        String runnerXmx = run.runnerXmx();
        boolean fullHistory = run.fullHistory();
        String configFormat = run.configFormat();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path work = Files.createTempDirectory("mailtrip-scale-");
        System.out.printf(Locale.ROOT, "scale: %d instances every %d s, warm-up %d s, window %d s, runner -Xmx%s,"
                + " history %s; work %s; %s%n", instances, interval, warmup, window, runnerXmx,
                fullHistory ? "full (file)" : "none", work, MachineLoad.now());

        Process mail = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                BenchMailServer.class.getName(), String.valueOf(instances))
                .redirectError(work.resolve("greenmail.err").toFile()).start();
        Process runner = null;
        try {
            String ports = new BufferedReader(new InputStreamReader(mail.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (ports == null) {
                throw new IllegalStateException("GreenMail did not start; see " + work.resolve("greenmail.err"));
            }
            int smtp = Integer.parseInt(ports.replaceAll(".*smtp=(\\d+).*", "$1"));
            int pop3 = Integer.parseInt(ports.replaceAll(".*pop3=(\\d+).*", "$1"));
            Path config = work.resolve("mailtrip." + configFormat);
            Path jsonLines = work.resolve("results.jsonl");
            Path historyFile = null;
            if (fullHistory) {
                historyFile = work.resolve("history.json");
                FullHistoryFile.write(historyFile, instances, 1440, 240, interval);
                System.out.printf(Locale.ROOT, "history file: %d MiB%n", Files.size(historyFile) >> 20);
            }
            ScaleConfig.write(config, jsonLines, historyFile, instances, interval, smtp, pop3);

            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + runnerXmx));
            command.addAll(runnerJvmOptions(work));
            command.addAll(List.of("-jar", runnerJar.toString(), "--config", config.toString()));
            ProcessBuilder runnerBuilder = new ProcessBuilder(command)
                    .redirectOutput(work.resolve("runner.out").toFile()).redirectError(work.resolve("runner.err").toFile());
            runnerBuilder.environment().put(ScaleConfig.PASSWORD_VARIABLE, BenchMailServer.PASSWORD);
            runner = runnerBuilder.start();
            long pid = runner.pid();

            if (runner.waitFor(warmup, TimeUnit.SECONDS)) {
                throw new IllegalStateException("runner exited during the warm-up (exit " + runner.exitValue()
                        + "): " + Files.readString(work.resolve("runner.err")).strip());
            }
            double loadAtStart = MachineLoad.oneMinute();
            ProcessSample runnerStart = ProcessSample.of(pid);
            ProcessSample mailStart = ProcessSample.of(mail.pid());
            Instant windowStart = Instant.now();
            List<ProcessSample> samples = new ArrayList<>();
            long windowEndNanos = System.nanoTime() + window * 1_000_000_000L;
            while (System.nanoTime() < windowEndNanos) {
                TimeUnit.MILLISECONDS.sleep(Math.min(10_000, Math.max(1, (windowEndNanos - System.nanoTime()) / 1_000_000)));
                samples.add(ProcessSample.of(pid));
            }
            ProcessSample runnerEnd = ProcessSample.of(pid);
            ProcessSample mailEnd = ProcessSample.of(mail.pid());
            Instant windowEnd = Instant.now();
            String loadAtEnd = MachineLoad.now();
            double oneMinuteAtEnd = MachineLoad.oneMinute();
            String heapBefore = jcmd(pid, "GC.heap_info");
            jcmd(pid, "GC.run");
            String heapAfter = jcmd(pid, "GC.heap_info");

            runner.destroy(); // SIGTERM: in-flight runs finish, then the runner exits
            boolean stopped = runner.waitFor(90, TimeUnit.SECONDS);

            System.out.printf(Locale.ROOT, "runner CPU over the window: %.1f %% of one core (%d ms CPU in %.0f s)%n",
                    runnerEnd.cpuPercentSince(runnerStart), runnerEnd.cpuMillis() - runnerStart.cpuMillis(),
                    (runnerEnd.nanos() - runnerStart.nanos()) / 1e9);
            List<Double> perSlice = new ArrayList<>();
            ProcessSample previous = runnerStart;
            for (ProcessSample sample : samples) {
                perSlice.add(sample.cpuPercentSince(previous));
                previous = sample;
            }
            System.out.println("runner CPU per 10 s slice, % of one core: " + Spread.of(perSlice).describe("%.1f"));
            System.out.printf(Locale.ROOT, "GreenMail CPU over the window: %.1f %% of one core%n",
                    mailEnd.cpuPercentSince(mailStart));
            System.out.printf(Locale.ROOT, "runner threads: max %d; RSS: max %d MiB%n",
                    samples.stream().mapToInt(ProcessSample::threads).max().orElse(0),
                    samples.stream().mapToLong(ProcessSample::rssKib).max().orElse(0) / 1024);
            System.out.println("runner heap at window end: " + heap(heapBefore) + "; after a full GC: " + heap(heapAfter));
            System.out.println("runner stopped on SIGTERM: " + stopped + " (exit " + (stopped ? runner.exitValue() : -1)
                    + "); load at window end " + loadAtEnd);

            ScheduleAnalysis.Outcome outcome = ScheduleAnalysis.analyse(jsonLines, instances, interval, windowStart,
                    windowEnd);
            System.out.printf(Locale.ROOT, "results: %d in all, statuses %s, instances with results %d of %d%n",
                    outcome.results(), outcome.statusCounts(), outcome.instancesSeen(), instances);
            System.out.printf(Locale.ROOT, "planned starts in the window: %d; without a result (lost or skipped): %d;"
                    + " with more than one: %d%n", outcome.expected(), outcome.lost(), outcome.duplicates());
            System.out.println("start jitter in the window, ms: " + outcome.jitterMillis().describe("%.1f"));
            return new Figures(runnerEnd.cpuPercentSince(runnerStart), loadAtStart, oneMinuteAtEnd, outcome);
        } finally {
            if (runner != null && runner.isAlive()) {
                runner.destroyForcibly();
            }
            mail.destroy();
            mail.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Extra JVM options for the runner from the system property {@value #RUNNER_JVM_PROPERTY}, split at
     * spaces, {@code {work}} replaced by the work folder (a JFR recording or GC log beside the results).
     */
    private static List<String> runnerJvmOptions(Path work) {
        String options = System.getProperty(RUNNER_JVM_PROPERTY, "").strip();
        return options.isEmpty() ? List.of()
                : List.of(options.replace("{work}", work.toString()).split(" +"));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process process = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    private static String heap(String heapInfo) {
        Matcher matcher = HEAP_USED.matcher(heapInfo);
        return matcher.find()
                ? String.format(Locale.ROOT, "used %d MiB of %d MiB committed", Long.parseLong(matcher.group(2)) / 1024,
                        Long.parseLong(matcher.group(1)) / 1024)
                : "unknown (" + heapInfo.strip().replace('\n', ' ') + ")";
    }
}
