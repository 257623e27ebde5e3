package io.mailtrip.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import jdk.net.ExtendedSocketOptions;

/**
 * A loopback TCP relay that counts what passes, per connection: bytes each way and the command lines
 * the client sends (and of those, how many are {@code TOP}). A black-box view of what one POP3 poll
 * costs the server, the same for the sensor and for the naive scan.
 */
final class CountingProxy implements AutoCloseable {

    /**
     * One relayed connection, recorded when both directions have closed.
     *
     * @param bytesToServer  bytes the client sent
     * @param bytesToClient  bytes the server sent
     * @param commands       lines the client sent
     * @param topCommands    of those, {@code TOP} commands
     */
    record Connection(long bytesToServer, long bytesToClient, long commands, long topCommands) {
    }

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Connection> closed = new ArrayList<>();
    private final AtomicLong opened = new AtomicLong();

    CountingProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "counting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections closed so far, in closing order; waits (≤ 5 s) until every opened one has closed. */
    List<Connection> connections() throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            synchronized (closed) {
                if (closed.size() == opened.get()) {
                    return List.copyOf(closed);
                }
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("a relayed connection did not close within 5 s");
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                opened.incrementAndGet();
                Socket server = new Socket();
                server.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                server.connect(target, 5_000);
                relay(client, server);
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    System.err.println("proxy: " + e);
                }
            }
        }
    }

    private void relay(Socket client, Socket server) {
        long[] up = new long[3]; // bytes, lines, TOP lines
        long[] down = new long[1];
        Thread toServer = new Thread(() -> pump(client, server, up, true), "proxy-up");
        Thread toClient = new Thread(() -> {
            pump(server, client, down, false);
            try {
                toServer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (closed) {
                closed.add(new Connection(up[0], down[0], up[1], up[2]));
            }
        }, "proxy-down");
        toServer.setDaemon(true);
        toClient.setDaemon(true);
        toServer.start();
        toClient.start();
    }

    /** Copies until end of stream; counts[0] += bytes; for the client side also lines and TOP lines. */
    private static void pump(Socket from, Socket to, long[] counts, boolean clientSide) {
        byte[] buffer = new byte[16384];
        StringBuilder lineStart = new StringBuilder();
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (!clientSide) {
                    // GreenMail writes a multi-line reply in pieces with Nagle on; a delayed ACK from us
                    // would stall each such reply ~40 ms. Linux turns quick ACK off again by itself, so
                    // ask for it after every read: the relay then adds no stall of its own.
                    from.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                }
                out.write(buffer, 0, read);
                out.flush();
                counts[0] += read;
                if (clientSide) {
                    for (int i = 0; i < read; i++) {
                        char c = (char) buffer[i];
                        if (c == '\n') {
                            counts[1]++;
                            if (lineStart.toString().toUpperCase(Locale.ROOT).startsWith("TOP ")) {
                                counts[2]++;
                            }
                            lineStart.setLength(0);
                        } else if (lineStart.length() < 8) {
                            lineStart.append(c);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The other side closed; the counts so far stand.
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
