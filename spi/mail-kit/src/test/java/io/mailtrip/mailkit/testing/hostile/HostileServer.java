package io.mailtrip.mailkit.testing.hostile;

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
public final class HostileServer implements AutoCloseable {

    /** The server's side of one connection. */
    @FunctionalInterface
    public interface Script {
        void play(HostileConnection connection) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Script script;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<String> received = ConcurrentHashMap.newKeySet();

    private HostileServer(String name, Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = new Thread(this::acceptLoop, "hostile-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server that plays {@code script} on every connection. */
    public static HostileServer start(String name, Script script) throws IOException {
        return new HostileServer(name, script);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                Thread handler = new Thread(() -> handle(socket), "hostile-conversation");
                handler.setDaemon(true);
                handlers.add(handler);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            script.play(new HostileConnection(socket, bytesSent, received));
        } catch (IOException | InterruptedException | RuntimeException e) {
            // The client hung up (the expected end of every endless script) or the server was closed.
        } finally {
            sockets.remove(socket);
            handlers.remove(Thread.currentThread());
        }
    }

    public int port() {
        return server.getLocalPort();
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

    @Override
    public void close() throws InterruptedException, IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        acceptor.join(2_000);
        for (Thread handler : handlers) {
            handler.join(2_000);
        }
    }
}
