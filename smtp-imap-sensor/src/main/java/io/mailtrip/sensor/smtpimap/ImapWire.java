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
 * IMAP bytes in and out, with a limit on everything the server sends, enforced while reading: a reply
 * line, a literal ({@code {n}}, RFC 9051 section 4.3; its size is checked before a byte of it is read),
 * and the bytes of one session. Crossing one throws {@link Limit}, whose message names the limit, so a
 * hostile or broken server costs a bounded amount of memory and gives a clear result.
 * Commons Net's own IMAP reader has no such limits (and reads literals line by line), so only the
 * connect and the TLS upgrade go through it; every response after the greeting is read here.
 */
final class ImapWire {

    /** RFC 7162 section 4 asks servers to accept 8192-octet command lines; no sane reply line is longer. */
    static final int MAX_LINE = 8192;
    /** The sensor fetches only two header fields of one message; 64 KiB is far more than they take. */
    static final int MAX_LITERAL = 64 * 1024;
    /** Untagged responses to one command (a SEARCH for one header returns one line). */
    static final int MAX_UNTAGGED = 10_000;
    /** Bytes of one IMAP session; a long IDLE of a busy mailbox stays far below it. */
    static final long MAX_SESSION_BYTES = 4L * 1024 * 1024;

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
    private long received;

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
            if (text.length() + line.length() > MAX_LINE * 4L) {
                throw new Limit("response exceeds " + MAX_LINE * 4 + " bytes besides its literals");
            }
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
        count(bytes.length);
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
            count(1);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new Limit("reply line exceeds " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private void count(long bytes) throws Limit {
        received += bytes;
        if (received > MAX_SESSION_BYTES) {
            throw new Limit("session exceeds " + MAX_SESSION_BYTES + " bytes received");
        }
    }
}
