package io.mailtrip.mailkit.testing.hostile;

import io.mailtrip.mailkit.testing.FakeMailbox;
import io.mailtrip.mailkit.testing.hostile.HostileServer.Script;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hostile POP3 peers (issue 13), each a {@link Script} for {@link HostileServer}. Those that serve a
 * mailbox show the messages a fake SMTP server delivered into a {@link FakeMailbox} (so the sensor's
 * probe is really there) and misbehave at one step: login (USER/PASS, APOP) and CAPA are accepted.
 */
public final class HostilePop3 implements Script {

    /** Where and how the server misbehaves. */
    public enum Fault {
        /** Serves the mailbox correctly. */
        NONE,
        /** The greeting never ends ({@code +OK AAAA...}). */
        ENDLESS_GREETING_LINE,
        /** {@code UIDL} answers with entries that never end. */
        ENDLESS_UIDL,
        /** {@code UIDL} lists {@link #count} foreign messages before the mailbox's own. */
        HUGE_UIDL,
        /** {@code TOP n 0} answers with header lines that never end. */
        ENDLESS_TOP_HEADER,
        /** {@code TOP n 0} answers with one header line that never ends. */
        ENDLESS_TOP_HEADER_LINE,
        /**
         * After the first {@code TOP}, a foreign message slides into position 1 (and the rest move down):
         * message numbers change inside the session, which RFC 1939 section 5 forbids.
         */
        RENUMBER_AFTER_TOP,
        /** Every reply comes {@link #count} milliseconds late (a slow server; the run deadline cuts it). */
        SLOW,
        /** The greeting is {@code -ERR} with {@link HostileSmtp#CONTROL_TEXT}. */
        CONTROL_CHARACTERS
    }

    /** The UID the renumbering server shows at position 1 after TOP. */
    public static final String FOREIGN_UID = "foreign-uid-slid-in";

    private final FakeMailbox mailbox;
    private final Fault fault;
    private final int count;
    private final List<String> deleted = new ArrayList<>();

    private HostilePop3(FakeMailbox mailbox, Fault fault, int count) {
        this.mailbox = mailbox;
        this.fault = fault;
        this.count = count;
    }

    /** A server with {@code fault}; {@code count} is the listing size of HUGE_UIDL or the delay of SLOW. */
    public static HostilePop3 of(FakeMailbox mailbox, Fault fault, int count) {
        return new HostilePop3(mailbox, fault, count);
    }

    public static HostilePop3 of(FakeMailbox mailbox, Fault fault) {
        return new HostilePop3(mailbox, fault, 0);
    }

    /** UIDs of the messages clients deleted (DELE then QUIT), in order. */
    public synchronized List<String> deleted() {
        return List.copyOf(deleted);
    }

    @Override
    public void play(HostileConnection c) throws IOException, InterruptedException {
        switch (fault) {
            case ENDLESS_GREETING_LINE -> {
                c.sendRaw("+OK ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                c.sendForever("A");
                return;
            }
            case CONTROL_CHARACTERS -> {
                c.send("-ERR " + HostileSmtp.CONTROL_TEXT);
                c.stall();
                return;
            }
            default -> c.send("+OK hostile POP3 ready <1896.697170952@hostile.test>");
        }
        List<String> uids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        mailbox.snapshot().forEach(m -> {
            uids.add(m.uid());
            texts.add(m.text());
        });
        List<String> marked = new ArrayList<>();
        boolean renumbered = false;
        for (String line = c.read(); line != null; line = c.read()) {
            if (fault == Fault.SLOW) {
                Thread.sleep(count);
            }
            String[] words = line.split(" ");
            switch (words[0].toUpperCase(Locale.ROOT)) {
                case "CAPA" -> c.send("+OK\r\nUIDL\r\nTOP\r\nUSER\r\n.");
                case "USER", "PASS", "APOP", "NOOP", "RSET" -> c.send("+OK");
                case "STAT" -> c.send("+OK " + uids.size() + " " + uids.size() * 1000);
                case "UIDL" -> uidl(c, words, uids);
                case "TOP" -> {
                    top(c, texts, Integer.parseInt(words[1]));
                    if (fault == Fault.RENUMBER_AFTER_TOP && !renumbered) {
                        renumbered = true;
                        uids.add(0, FOREIGN_UID);
                        texts.add(0, "From: someone@example.org\r\nSubject: not a probe\r\n\r\nforeign\r\n");
                    }
                }
                case "DELE" -> {
                    int number = Integer.parseInt(words[1]);
                    marked.add(uids.get(number - 1));
                    c.send("+OK marked");
                }
                case "QUIT" -> {
                    synchronized (this) {
                        deleted.addAll(marked);
                    }
                    mailbox.remove(mailbox.snapshot().stream().filter(m -> marked.contains(m.uid())).toList());
                    c.send("+OK bye");
                    return;
                }
                default -> c.send("-ERR unknown command");
            }
        }
    }

    private void uidl(HostileConnection c, String[] words, List<String> uids) throws IOException {
        if (words.length > 1) {
            int number = Integer.parseInt(words[1]);
            c.send(number >= 1 && number <= uids.size() ? "+OK " + number + " " + uids.get(number - 1)
                    : "-ERR no such message");
            return;
        }
        c.send("+OK");
        if (fault == Fault.ENDLESS_UIDL) {
            c.sendForever("1 endless-uid-0123456789\r\n");
            return;
        }
        if (fault == Fault.HUGE_UIDL) {
            c.sendLines(count, i -> i + " foreign-" + i);
            c.sendLines(uids.size(), i -> (count + i) + " " + uids.get(i - 1));
        } else {
            c.sendLines(uids.size(), i -> i + " " + uids.get(i - 1));
        }
        c.send(".");
    }

    private void top(HostileConnection c, List<String> texts, int number) throws IOException {
        if (number < 1 || number > texts.size()) {
            c.send("-ERR no such message");
            return;
        }
        c.send("+OK");
        if (fault == Fault.ENDLESS_TOP_HEADER) {
            c.sendForever("X-Hostile: header line of an endless header\r\n");
            return;
        }
        if (fault == Fault.ENDLESS_TOP_HEADER_LINE) {
            c.sendRaw("Subject: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            c.sendForever("C");
            return;
        }
        String text = texts.get(number - 1);
        for (String line : text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))).split("\r\n")) {
            c.send(line.startsWith(".") ? "." + line : line);
        }
        c.send("");
        c.send(".");
    }
}
