package io.mailtrip.sensor.smtppop3.fake;

import io.mailtrip.mailkit.testing.FakeServer;
import io.mailtrip.mailkit.testing.Conversation;
import io.mailtrip.mailkit.testing.ServerIdentity;
import io.mailtrip.mailkit.testing.FakeMailbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scriptable POP3 server (RFC 1939, CAPA and STLS) over a {@link FakeMailbox}: deletions take effect
 * only at QUIT. Faults per step: {@code greeting}, {@code CAPA}, {@code STLS}, {@code USER}, {@code PASS},
 * {@code APOP}, {@code STAT}, {@code UIDL} (both forms), {@code TOP}, {@code DELE}, {@code QUIT}.
 */
public final class FakePop3Server extends FakeServer<FakePop3Server> {

    private final FakeMailbox mailbox;
    private final ServerIdentity identity;
    private volatile boolean offerStls;
    private volatile boolean breakStls;
    private volatile boolean malformedUidl;

    private FakePop3Server(boolean implicitTls, ServerIdentity identity, FakeMailbox mailbox) throws IOException {
        super("pop3", implicitTls, identity, reply -> reply.startsWith("-ERR"));
        this.identity = identity;
        this.mailbox = mailbox;
    }

    public static FakePop3Server plain(FakeMailbox mailbox) throws IOException {
        return new FakePop3Server(false, ServerIdentity.GOOD, mailbox);
    }

    public static FakePop3Server implicitTls(ServerIdentity identity, FakeMailbox mailbox) throws IOException {
        return new FakePop3Server(true, identity, mailbox);
    }



    public FakePop3Server offerStls() {
        offerStls = true;
        return this;
    }

    public FakePop3Server breakStls() {
        offerStls = true;
        breakStls = true;
        return this;
    }

    /** Answers UIDL with a listing that is not RFC 1939 (no message numbers, no terminating dot). */
    public FakePop3Server malformedUidl() {
        malformedUidl = true;
        return this;
    }

    @Override
    protected void converse(Conversation c) throws IOException {
        if (stalls("greeting")) {
            c.stall();
            return;
        }
        answer(c, "greeting", "+OK fake POP3 ready <1896.697170952@fake.test>");
        List<FakeMailbox.Message> view = mailbox.snapshot();
        List<FakeMailbox.Message> marked = new ArrayList<>();
        for (String line = c.read(); line != null; line = c.read()) {
            String[] words = line.split(" ");
            String step = words[0].toUpperCase(Locale.ROOT);
            if (stalls(step)) {
                c.stall();
                return;
            }
            switch (step) {
                case "CAPA" -> answer(c, step, "+OK\nUIDL\nTOP\nUSER\n" + (offerStls ? "STLS\n" : "") + ".");
                case "STLS" -> {
                    if (answer(c, step, "+OK begin TLS")) {
                        if (breakStls) {
                            c.breakHandshake();
                            return;
                        }
                        c.upgrade(identity.context());
                    }
                }
                case "USER", "PASS", "APOP" -> answer(c, step, "+OK");
                case "STAT" -> answer(c, step, "+OK " + view.size() + " " + view.stream()
                        .mapToInt(m -> m.text().length()).sum());
                case "UIDL" -> {
                    if (words.length > 1) {
                        int number = Integer.parseInt(words[1]);
                        answer(c, step, number >= 1 && number <= view.size()
                                ? "+OK " + number + " " + view.get(number - 1).uid() : "-ERR no such message");
                    } else {
                        uidl(c, view);
                    }
                }
                case "TOP" -> top(c, view, Integer.parseInt(words[1]));
                case "DELE" -> {
                    if (answer(c, step, "+OK marked")) {
                        marked.add(view.get(Integer.parseInt(words[1]) - 1));
                    }
                }
                case "QUIT" -> {
                    // RFC 1939 section 6: the UPDATE state removes the marked messages, then answers +OK.
                    // Answering first let a test read the mailbox before the removal (a race seen in CI
                    // rehearsals of ForeignMailSafetyTest).
                    if (!replaced(step)) {
                        mailbox.remove(marked);
                    }
                    answer(c, step, "+OK bye");
                    return;
                }
                default -> c.send("-ERR unknown command");
            }
        }
    }

    private void uidl(Conversation c, List<FakeMailbox.Message> view) throws IOException {
        if (replaced("UIDL")) {
            answer(c, "UIDL", "");
            return;
        }
        c.send("+OK");
        if (malformedUidl) {
            c.send("this is not a listing");
            return;
        }
        for (int i = 0; i < view.size(); i++) {
            c.send((i + 1) + " " + view.get(i).uid());
        }
        c.send(".");
    }

    private void top(Conversation c, List<FakeMailbox.Message> view, int number) throws IOException {
        if (replaced("TOP")) {
            answer(c, "TOP", "");
            return;
        }
        c.send("+OK");
        String text = view.get(number - 1).text();
        for (String line : text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))).split("\r\n")) {
            c.send(line.startsWith(".") ? "." + line : line);
        }
        c.send("");
        c.send(".");
    }

}
