package io.mailtrip.sensor.smtppop3.fake;

import javax.net.ssl.SSLServerSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scriptable server on 127.0.0.1:0 for fault injection: every connection runs {@link #converse}, and
 * every line a client sent is kept in {@link #received()}. Closing stops the accept thread and every
 * connection, so a test can check that the client left nothing behind.
 */
public abstract class FakeServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final boolean implicitTls;

    /** @param implicitTls serve TLS from the first byte with {@code identity}'s certificate */
    protected FakeServer(String name, boolean implicitTls, ServerIdentity identity) throws IOException {
        this.implicitTls = implicitTls;
        server = implicitTls
                ? (SSLServerSocket) identity.context().getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "fake-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread handler = new Thread(() -> handle(socket), "fake-conversation");
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
            converse(new Conversation(socket, received, implicitTls));
        } catch (IOException | InterruptedException | RuntimeException e) {
            // The client went away or the test closed the server: the conversation just ends.
        } finally {
            connections.remove(socket);
            handlers.remove(Thread.currentThread());
        }
    }

    /** The server's side of one connection. */
    protected abstract void converse(Conversation conversation) throws IOException, InterruptedException;

    public int port() {
        return server.getLocalPort();
    }

    /** Every line clients sent, in order; lines sent under STARTTLS/STLS start with {@code TLS:}. */
    public List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Connections the server still holds open (the client has not closed them). */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
        acceptor.join(2_000);
        for (Thread handler : handlers) {
            handler.join(2_000);
        }
    }
}
