package io.mailtrip.mailkit.testing.hostile;

import io.mailtrip.mailkit.testing.LoopbackServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scripted, hostile peer on 127.0.0.1:0: every connection plays the same {@link Script}. Stable API for
 * the fault suites of the sensors and hosts (issue 13): start one with a script from {@link HostileSmtp}
 * or {@link HostilePop3}, point the sensor at {@link #port()}, close it when done. Closing stops the accept
 * thread and every conversation, endless ones included.
 */
public final class HostileServer extends LoopbackServer {

    /** The server's side of one connection. */
    @FunctionalInterface
    public interface Script {
        void play(HostileConnection connection) throws IOException, InterruptedException;
    }

    private final Script script;
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<String> received = ConcurrentHashMap.newKeySet();

    private HostileServer(String name, Script script) throws IOException {
        super("hostile-" + name, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        this.script = script;
        start();
    }

    /** Starts a server that plays {@code script} on every connection. */
    public static HostileServer start(String name, Script script) throws IOException {
        return new HostileServer(name, script);
    }

    @Override
    protected void accepted() {
        connections.incrementAndGet();
    }

    @Override
    protected void serve(Socket socket) throws IOException, InterruptedException {
        script.play(new HostileConnection(socket, bytesSent, received));
    }

    /** Bytes written to all clients so far: how much the client had to read before it gave up. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** The command verbs clients sent (upper case, first word only: {@code DELE}, {@code UIDL}). */
    public Set<String> verbsReceived() {
        return Set.copyOf(received);
    }

}
