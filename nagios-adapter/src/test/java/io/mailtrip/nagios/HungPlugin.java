package io.mailtrip.nagios;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plugin process that hangs for good after arming the real {@link ExitGuard}: its main thread and a
 * non-daemon thread never end, so only the guard's halt can end the JVM ({@link ExitGuardTest}).
 */
final class HungPlugin {

    static final Duration DEADLINE = Duration.ofSeconds(1);
    static final PluginState TIMEOUT_STATE = PluginState.CRITICAL;
    static final String TIMEOUT_LINE = "SMTP-POP3 CRITICAL - plugin timeout (-t 1 s): the round trip did not end"
            + " by its deadline\n";

    private HungPlugin() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        ExitGuard.forProcess(out).arm(DEADLINE, TIMEOUT_LINE, TIMEOUT_STATE.exitCode());
        Thread stuck = new Thread(HungPlugin::sleepForever, "stuck-non-daemon");
        stuck.start();
        sleepForever();
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
                // Still hung: only the guard ends this process.
            }
        }
    }
}
