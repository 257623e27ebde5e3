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
 * read, but a server that trickles one byte at a time never trips them; this bounds the whole run. It
 * also carries the run's {@link PeerInput}, which bounds how much the servers may send.
 */
public final class Watchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = timer();

    private final ScheduledFuture<?> task;
    private final PeerInput input;
    private volatile SocketClient current;
    private volatile boolean fired;

    /** Bounds the run by {@code deadline} and what servers send by {@link PeerLimits#DEFAULTS}. */
    public Watchdog(Deadline deadline) {
        this(deadline, PeerLimits.DEFAULTS);
    }

    /** Bounds the run by {@code deadline} in time and by {@code limits} in what servers send. */
    public Watchdog(Deadline deadline, PeerLimits limits) {
        input = new PeerInput(limits);
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

    /** The run's meter of what servers send; every connection of the run reads through it. */
    public PeerInput input() {
        return input;
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
