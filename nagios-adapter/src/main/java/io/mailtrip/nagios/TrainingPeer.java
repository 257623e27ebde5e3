package io.mailtrip.nagios;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The other end of the class-data archive's training run ({@link TrainingRun}): a loopback SMTP server
 * that keeps what it is sent and a POP3 server (USER/PASS, STAT, UIDL, TOP, RETR, DELE) that serves it,
 * so {@code generate-cds} walks the path of a real clear-text check, mail found and deleted, without a mail
 * server and without leaving the machine. Not a mail server: any login is accepted, one client at a time,
 * one shared mailbox, replies from RFC 5321 section 4.2 and RFC 1939 in their simplest form. Not API.
 */
final class TrainingPeer implements AutoCloseable {

    /** The protocols it speaks: settings sections of the same name are pointed at it. */
    static final Set<String> PROTOCOLS = Set.of("smtp", "pop3");

    private final ServerSocket smtp;
    private final ServerSocket pop3;
    private final List<String> mailbox = new ArrayList<>();

    private TrainingPeer() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        smtp = new ServerSocket(0, 4, loopback);
        pop3 = new ServerSocket(0, 4, loopback);
    }

    /** Listens on two free loopback ports until closed. */
    static TrainingPeer start() throws IOException {
        TrainingPeer peer = new TrainingPeer();
        peer.serve(peer.smtp, true);
        peer.serve(peer.pop3, false);
        return peer;
    }

    /** The port of {@code protocol} (one of {@link #PROTOCOLS}). */
    int port(String protocol) {
        return ("smtp".equals(protocol) ? smtp : pop3).getLocalPort();
    }

    private void serve(ServerSocket server, boolean isSmtp) {
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                StandardCharsets.UTF_8));
                        OutputStream out = socket.getOutputStream();
                        if (isSmtp) {
                            smtpSession(in, out);
                        } else {
                            pop3Session(in, out);
                        }
                    } catch (IOException | RuntimeException e) {
                        // The client went away or the peer is closing: wait for the next one.
                    }
                }
            }
        }, "training-" + (isSmtp ? "smtp" : "pop3"));
        thread.setDaemon(true);
        thread.start();
    }

    private void smtpSession(BufferedReader in, OutputStream out) throws IOException {
        send(out, "220 localhost training peer");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = verb(line);
            if (verb.equals("QUIT")) {
                send(out, "221 bye");
                return;
            } else if (verb.equals("DATA")) {
                send(out, "354 end with .");
                StringBuilder message = new StringBuilder();
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    // RFC 5321 section 4.5.2: a leading dot was doubled by the client.
                    message.append(data.startsWith(".") ? data.substring(1) : data).append("\r\n");
                }
                synchronized (mailbox) {
                    mailbox.add(message.toString());
                }
                send(out, "250 queued");
            } else if (verb.equals("EHLO") || verb.equals("HELO") || verb.equals("MAIL") || verb.equals("RCPT")
                    || verb.equals("RSET") || verb.equals("NOOP")) {
                send(out, "250 ok");
            } else {
                send(out, "502 not in the training peer");
            }
        }
    }

    private void pop3Session(BufferedReader in, OutputStream out) throws IOException {
        send(out, "+OK training peer");
        List<String> messages;
        synchronized (mailbox) {
            messages = new ArrayList<>(mailbox);
        }
        List<Integer> deleted = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = verb(line);
            String[] words = line.split(" ");
            int number = words.length > 1 && words[1].chars().allMatch(Character::isDigit) ? Integer.parseInt(words[1]) : 0;
            boolean known = number >= 1 && number <= messages.size() && !deleted.contains(number);
            if (verb.equals("QUIT")) {
                synchronized (mailbox) {
                    for (int i = messages.size(); i >= 1; i--) {
                        if (deleted.contains(i)) {
                            mailbox.remove(messages.get(i - 1));
                        }
                    }
                }
                send(out, "+OK bye");
                return;
            } else if (verb.equals("CAPA")) {
                send(out, "+OK\r\nUSER\r\nUIDL\r\nTOP\r\n.");
            } else if (verb.equals("USER") || verb.equals("PASS") || verb.equals("NOOP") || verb.equals("RSET")) {
                send(out, "+OK");
            } else if (verb.equals("STAT")) {
                send(out, "+OK " + messages.size() + " " + size(messages));
            } else if ((verb.equals("UIDL") || verb.equals("LIST")) && words.length == 1) {
                StringBuilder listing = new StringBuilder("+OK");
                for (int i = 1; i <= messages.size(); i++) {
                    if (!deleted.contains(i)) {
                        listing.append("\r\n").append(i).append(' ').append(listed(verb, i, messages));
                    }
                }
                send(out, listing.append("\r\n.").toString());
            } else if ((verb.equals("UIDL") || verb.equals("LIST")) && known) {
                send(out, "+OK " + number + " " + listed(verb, number, messages));
            } else if ((verb.equals("TOP") || verb.equals("RETR")) && known) {
                String text = messages.get(number - 1);
                if (verb.equals("TOP")) {
                    int end = text.indexOf("\r\n\r\n");
                    text = end < 0 ? text : text.substring(0, end + 4);
                }
                send(out, "+OK\r\n" + (text.startsWith(".") ? "." : "") + text.replace("\r\n.", "\r\n..") + ".");
            } else if (verb.equals("DELE") && known) {
                deleted.add(number);
                send(out, "+OK deleted");
            } else {
                send(out, "-ERR not in the training peer");
            }
        }
    }

    private static String listed(String verb, int number, List<String> messages) {
        return verb.equals("UIDL") ? "training-" + number + "-" + messages.get(number - 1).hashCode()
                : String.valueOf(messages.get(number - 1).length());
    }

    private static int size(List<String> messages) {
        int size = 0;
        for (String message : messages) {
            size += message.length();
        }
        return size;
    }

    private static String verb(String line) {
        int space = line.indexOf(' ');
        return (space < 0 ? line : line.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            smtp.close();
            pop3.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
