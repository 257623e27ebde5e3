package io.mailtrip.nagios;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The plugin's last line of defence against a hang (guidelines, "Runtime Timeouts": a plugin must exit
 * on its own): a daemon thread that, shortly after the {@code -t} deadline, prints the timeout line and
 * halts the JVM. Whoever claims the output first prints; the other never does, so the output is never
 * doubled or mixed.
 */
final class ExitGuard {

    /** Time left after the deadline for the sensor to return its own (more precise) timeout result. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private final PrintStream out;
    private final boolean halts;
    private final AtomicBoolean claimed = new AtomicBoolean();

    private ExitGuard(PrintStream out, boolean halts) {
        this.out = out;
        this.halts = halts;
    }

    /** A guard that prints to {@code out} and halts the JVM when it fires. */
    static ExitGuard forProcess(PrintStream out) {
        return new ExitGuard(out, true);
    }

    /** A guard that never fires, for running the plugin inside another JVM (tests). */
    static ExitGuard inactive() {
        return new ExitGuard(null, false);
    }

    /** Fires {@link #GRACE} after {@code deadline}, printing {@code text} and exiting with {@code exitCode}. */
    void arm(Duration deadline, String text, int exitCode) {
        if (!halts) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(deadline.plus(GRACE).toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (claim()) {
                out.print(text);
                out.flush();
                Runtime.getRuntime().halt(exitCode);
            }
        }, "plugin-exit-guard");
        thread.setDaemon(true);
        thread.start();
    }

    /** True for the first caller only: that one prints the output. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }
}
