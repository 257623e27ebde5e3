package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.OneLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IMAP responses in, command lines out. The streams are the mail kit's metered ones, which bound every
 * line, every reply and the bytes of the run where the bytes enter ({@code PeerLimits}); on top of them
 * this reader refuses a literal ({@code {n}}, RFC 9051 section 4.3) whose announced size is above
 * {@link #MAX_LITERAL} before it reads a byte of it. Commons Net's own IMAP reader reads literals line by
 * line and knows no IDLE, so only the connect, the greeting and the TLS upgrade go through it; every
 * response after the greeting is read here.
 */
final class ImapWire {

    /** The sensor fetches only two header fields of one message; 64 KiB is far more than they take. */
    static final int MAX_LITERAL = 64 * 1024;

    /** A limit was crossed; the message names it. */
    static final class Limit extends IOException {
        Limit(String message) {
            super(message);
        }
    }

    /** The server sent something that is no IMAP response. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    /**
     * One server response.
     *
     * @param tag      {@code *} (untagged), {@code +} (continuation) or the command's tag
     * @param text     the rest of the response, literals replaced by {@code {n}} markers
     * @param literals the literals in order, as ISO-8859-1 text
     */
    record Response(String tag, String text, List<String> literals) {

        boolean untagged() {
            return tag.equals("*");
        }

        boolean continuation() {
            return tag.equals("+");
        }

        /** Word {@code i} of the text (0-based), upper-cased; "" when there are fewer words. */
        String word(int i) {
            String[] words = text.split(" ", i + 2);
            return words.length > i ? words[i].toUpperCase(Locale.ROOT) : "";
        }

        /** The whole response as the server sent it, literals elided, for messages. */
        String shown() {
            return tag + (text.isEmpty() ? "" : " " + text);
        }
    }

    private final InputStream in;
    private final OutputStream out;

    ImapWire(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Sends one command line; a CR or LF inside would start a second, unintended command. */
    void send(String line) throws IOException {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("IMAP command contains a line break");
        }
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one complete response, literals included. */
    Response read() throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> literals = new ArrayList<>();
        String line = line();
        while (true) {
            int size = literalSize(line);
            if (size < 0) {
                text.append(line);
                break;
            }
            text.append(line, 0, line.lastIndexOf('{')).append('{').append(size).append('}');
            literals.add(literal(size));
            line = line();
        }
        int space = text.indexOf(" ");
        String tag = space < 0 ? text.toString() : text.substring(0, space);
        if (tag.isEmpty()) {
            throw new Malformed("response without a tag: " + OneLine.of(text.toString(), 60));
        }
        return new Response(tag, space < 0 ? "" : text.substring(space + 1), List.copyOf(literals));
    }

    /** -1, or the size of the literal announced at the end of the line ({n}, {n+} or ~{n}). */
    static int literalSize(String line) throws Malformed, Limit {
        if (!line.endsWith("}")) {
            return -1;
        }
        int open = line.lastIndexOf('{');
        if (open < 0) {
            return -1;
        }
        String digits = line.substring(open + 1, line.length() - 1);
        if (digits.endsWith("+")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        if (digits.length() > 9) {
            throw new Limit("literal of " + OneLine.of(digits, 24) + " bytes exceeds " + MAX_LITERAL + " bytes");
        }
        int size = Integer.parseInt(digits);
        if (size > MAX_LITERAL) {
            throw new Limit("literal of " + size + " bytes exceeds " + MAX_LITERAL + " bytes");
        }
        return size;
    }

    private String literal(int size) throws IOException {
        byte[] bytes = in.readNBytes(size);
        if (bytes.length < size) {
            throw new java.io.EOFException("connection closed inside a literal");
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }
}
