package io.mailtrip.mailkit.testing.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** One client connection of a {@link HostileServer}: lines in, bytes out, endless output on demand. */
public final class HostileConnection {

    /** An endless send stops after this much, so a client without limits still ends (with its heap full). */
    public static final long ENDLESS_CAP = 4L << 30;

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final AtomicLong bytesSent;
    private final Set<String> received;

    HostileConnection(Socket socket, AtomicLong bytesSent, Set<String> received) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        this.out = socket.getOutputStream();
        this.bytesSent = bytesSent;
        this.received = received;
    }

    /** The next command line of the client, null when it hung up. */
    public String read() throws IOException {
        String line = in.readLine();
        if (line != null) {
            received.add(line.split(" ", 2)[0].toUpperCase(Locale.ROOT));
        }
        return line;
    }

    /** One line with CRLF, in UTF-8 (so U+0085 and U+2028 arrive as their UTF-8 bytes). */
    public void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        bytesSent.addAndGet(bytes.length);
    }

    /**
     * Sends {@code unit} again and again until the client hangs up (or {@link #ENDLESS_CAP}); {@code unit}
     * may hold CRLFs (endless lines of a multi-line reply) or not (one endless line).
     */
    public void sendForever(String unit) throws IOException {
        StringBuilder chunk = new StringBuilder();
        while (chunk.length() < 16_384) {
            chunk.append(unit);
        }
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        for (long sent = 0; sent < ENDLESS_CAP; sent += bytes.length) {
            out.write(bytes);
            bytesSent.addAndGet(bytes.length);
        }
        out.flush();
    }

    /** Sends {@code count} lines made by {@code line} (1-based), then nothing more. */
    public void sendLines(int count, java.util.function.IntFunction<String> line) throws IOException {
        StringBuilder chunk = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            chunk.append(line.apply(i)).append("\r\n");
            if (chunk.length() > 16_384 || i == count) {
                sendRaw(chunk.toString().getBytes(StandardCharsets.UTF_8));
                chunk.setLength(0);
            }
        }
    }

    /** Holds the connection open without a word until the client hangs up. */
    public void stall() throws IOException {
        while (socket.getInputStream().read() >= 0) {
            continue;
        }
    }

    public void close() throws IOException {
        socket.close();
    }
}
