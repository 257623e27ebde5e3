package io.mailtrip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, resident memory and thread count of a process at one moment, from {@code /proc} (Linux),
 * read from outside so measuring costs the measured process nothing.
 *
 * @param nanos      {@link System#nanoTime()} when read
 * @param cpuMillis  user + system CPU time so far (clock ticks of 10 ms)
 * @param rssKib     resident set size
 * @param threads    live threads
 */
record ProcessSample(long nanos, long cpuMillis, long rssKib, int threads) {

    /** Clock ticks per second of /proc/PID/stat; 100 on every Linux we run on ({@code getconf CLK_TCK}). */
    private static final int TICKS_PER_SECOND = 100;

    static ProcessSample of(long pid) throws IOException {
        long now = System.nanoTime();
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        int threads = Integer.parseInt(fields[17]);
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new ProcessSample(now, ticks * 1000 / TICKS_PER_SECOND, rss, threads);
    }

    /** CPU used between {@code earlier} and this sample, in % of one core. */
    double cpuPercentSince(ProcessSample earlier) {
        double wallMillis = (nanos - earlier.nanos) / 1e6;
        return 100.0 * (cpuMillis - earlier.cpuMillis) / wallMillis;
    }
}
