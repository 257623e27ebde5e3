package io.mailtrip.nagios;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

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
    private final IntConsumer exit;
    private final AtomicBoolean claimed = new AtomicBoolean();

    /**
     * @param out  where the timeout line goes
     * @param exit ends the process with the given code; {@code null} for a guard that never fires
     */
    ExitGuard(PrintStream out, IntConsumer exit) {
        this.out = out;
        this.exit = exit;
    }

    /** A guard that prints to {@code out} and halts the JVM when it fires. */
    static ExitGuard forProcess(PrintStream out) {
        // halt, not exit: no shutdown hook or finalizer may stand between a hung run and the exit code.
        return new ExitGuard(out, Runtime.getRuntime()::halt);
    }

    /** Fires {@link #GRACE} after {@code deadline}, printing {@code text} and exiting with {@code exitCode}. */
    void arm(Duration deadline, String text, int exitCode) {
        if (exit == null) {
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
                exit.accept(exitCode);
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
