package io.mailtrip.mailkit.testing;

import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One client connection of a fake server: line I/O that records what the client sent. */
public final class Conversation {

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private final List<String> received;
    private boolean encrypted;

    public Conversation(Socket socket, List<String> received, boolean encrypted) throws IOException {
        this.received = received;
        this.encrypted = encrypted;
        attach(socket);
    }

    private void attach(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        this.out = socket.getOutputStream();
    }

    /** Sends one line with CRLF. */
    public void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends a line one byte per {@code pauseMillis}: a tarpit. */
    public void trickle(String line, long pauseMillis) throws IOException, InterruptedException {
        for (byte b : (line + "\r\n").getBytes(StandardCharsets.ISO_8859_1)) {
            out.write(b);
            out.flush();
            Thread.sleep(pauseMillis);
        }
    }

    /** The next line from the client, recorded with a {@code TLS:} prefix once encrypted; null at the end. */
    public String read() throws IOException {
        String line = in.readLine();
        if (line != null) {
            received.add((encrypted ? "TLS:" : "") + line);
        }
        return line;
    }

    /** Server side of STARTTLS/STLS. */
    public void upgrade(javax.net.ssl.SSLContext context) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket,
                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        encrypted = true;
        attach(ssl);
    }

    /** Writes bytes that are no TLS record, then closes: a broken handshake. */
    public void breakHandshake() throws IOException {
        out.write("this is not TLS\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        socket.close();
    }

    /** Holds the connection open without answering until the client or the server closes it. */
    public void stall() throws IOException {
        while (in.read() >= 0) {
            continue;
        }
    }

    public void close() throws IOException {
        socket.close();
    }
}
