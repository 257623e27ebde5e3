package io.mailtrip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 1/5/15-minute load averages, printed with every figure (other builds share the machine). */
final class MachineLoad {

    private MachineLoad() {
    }

    /** The 1-minute load average, NaN off Linux. */
    static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** "load 0.52 0.61 0.70", or "load unknown" off Linux. */
    static String now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load " + fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "load unknown";
        }
    }
}
