package io.mailtrip.bench;

import java.nio.file.Path;

/**
 * What one scale run measures: {@code instances} round-trip sensors at {@code interval} s, sampled over
 * {@code windowSeconds} after {@code warmupSeconds}, with the runner jar {@code runnerJar} in
 * {@code -Xmx<runnerXmx>}, a history file with a full day per instance or none, the configuration as
 * YAML or JSON.
 */
record ScaleRun(int instances, int warmupSeconds, int windowSeconds, int interval, Path runnerJar, String runnerXmx,
                boolean fullHistory, String configFormat) {

    static final Path DEFAULT_JAR = Path.of("runner/target/mailtrip-runner.jar");

    /**
     * {@code [instances=2000] [warmupSeconds=90] [windowSeconds=180] [interval=60] [runnerJar] [runnerXmx=256m]
     * [none|full] [yml|json]}.
     */
    static ScaleRun of(String[] args) {
        return new ScaleRun(BenchArgs.integer(args, 0, 2000), BenchArgs.integer(args, 1, 90),
                BenchArgs.integer(args, 2, 180), BenchArgs.integer(args, 3, 60),
                (args.length > 4 ? Path.of(args[4]) : DEFAULT_JAR).toAbsolutePath(), args.length > 5 ? args[5] : "256m",
                args.length > 6 && args[6].equals("full"), args.length > 7 ? args[7] : "yml");
    }

    ScaleRun withRunner(Path jar, boolean full) {
        return new ScaleRun(instances, warmupSeconds, windowSeconds, interval, jar.toAbsolutePath(), runnerXmx, full,
                configFormat);
    }
}
