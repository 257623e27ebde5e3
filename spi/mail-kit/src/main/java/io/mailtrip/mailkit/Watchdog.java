package io.mailtrip.mailkit;

import io.mailtrip.spi.Deadline;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.net.SocketClient;

/**
 * Closes the connection in use when the run's deadline passes. Socket timeouts bound each single
 * read, but a server that trickles one byte at a time never trips them; this bounds the whole run.
 */
public final class Watchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = timer();

    private final ScheduledFuture<?> task;
    private volatile SocketClient current;
    private volatile boolean fired;

    public Watchdog(Deadline deadline) {
        task = TIMER.schedule(this::fire, deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("mailtrip-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** The connection to cut at the deadline; closed at once when the deadline has already passed. */
    public void watch(SocketClient client) {
        current = client;
        if (fired) {
            closeQuietly(client);
        }
    }

    public boolean fired() {
        return fired;
    }

    private void fire() {
        fired = true;
        SocketClient client = current;
        if (client != null) {
            closeQuietly(client);
        }
    }

    public static void closeQuietly(SocketClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (IOException | RuntimeException ignored) {
            // Closing is best effort: the socket is being abandoned either way.
        }
    }

    @Override
    public void close() {
        task.cancel(false);
        current = null;
    }
}
