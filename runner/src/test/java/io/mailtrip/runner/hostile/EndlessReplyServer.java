package io.mailtrip.runner.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A server on 127.0.0.1:0 that answers every connection with {@code prefix} and then one endless line. */
final class EndlessReplyServer implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] prefix;

    EndlessReplyServer(String prefix) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
        Thread acceptor = new Thread(this::acceptForever, "endless-reply-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptForever() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread writer = new Thread(() -> writeForever(connection), "endless-reply");
                writer.setDaemon(true);
                writer.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void writeForever(Socket connection) {
        byte[] chunk = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (connection; OutputStream out = connection.getOutputStream()) {
            out.write(prefix);
            while (!socket.isClosed()) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // the client hung up: what it should do
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
