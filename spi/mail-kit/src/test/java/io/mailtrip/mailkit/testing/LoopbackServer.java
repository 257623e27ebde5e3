package io.mailtrip.mailkit.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server on a loopback port that serves every connection on its own daemon thread and, when closed,
 * stops accepting and closes every connection it still holds: the base of the fake and hostile servers.
 */
public abstract class LoopbackServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();

    /** @param server bound to a loopback address (port 0: any free port) */
    protected LoopbackServer(String name, ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
    }

    /** Starts accepting; call at the end of the subclass constructor. */
    protected final void start() {
        acceptor.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                accepted();
                Thread handler = new Thread(() -> handle(socket), acceptor.getName().replace("-accept", "")
                        + "-conversation");
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
            serve(socket);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // The client went away or the test closed the server: the conversation just ends.
        } finally {
            connections.remove(socket);
            handlers.remove(Thread.currentThread());
        }
    }

    /** Called on the accept thread for every new connection. */
    protected void accepted() {
    }

    /** The server's side of one connection; the socket is closed afterwards. */
    protected abstract void serve(Socket socket) throws IOException, InterruptedException;

    public int port() {
        return server.getLocalPort();
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
