package io.mailtrip.mailkit.testing;

import java.io.IOException;
import java.util.Locale;

/**
 * A scriptable ESMTP server: a well-behaved default conversation, and faults switched on per step
 * ({@code greeting}, {@code EHLO}, {@code STARTTLS}, {@code AUTH}, {@code MAIL}, {@code RCPT},
 * {@code DATA}, {@code EOD} for the reply after the final dot, {@code QUIT}).
 */
public final class FakeSmtpServer extends FakeServer<FakeSmtpServer> {

    private final FakeMailbox mailbox;
    private final ServerIdentity identity;
    private volatile boolean offerStartTls;
    private volatile boolean breakStartTls;
    private volatile boolean trickleGreeting;
    private volatile boolean dropInData;

    private FakeSmtpServer(boolean implicitTls, ServerIdentity identity, FakeMailbox mailbox) throws IOException {
        super("smtp", implicitTls, identity, reply -> reply.startsWith("4") || reply.startsWith("5"));
        this.identity = identity;
        this.mailbox = mailbox;
    }

    public static FakeSmtpServer plain(FakeMailbox mailbox) throws IOException {
        return new FakeSmtpServer(false, ServerIdentity.GOOD, mailbox);
    }

    public static FakeSmtpServer implicitTls(ServerIdentity identity, FakeMailbox mailbox) throws IOException {
        return new FakeSmtpServer(true, identity, mailbox);
    }



    /** Advertises STARTTLS (with the server's identity). */
    public FakeSmtpServer offerStartTls() {
        offerStartTls = true;
        return this;
    }

    /** Advertises STARTTLS, accepts it with 220, then answers the ClientHello with garbage. */
    public FakeSmtpServer breakStartTls() {
        offerStartTls = true;
        breakStartTls = true;
        return this;
    }

    /** Sends the greeting one byte per second. */
    public FakeSmtpServer trickleGreeting() {
        trickleGreeting = true;
        return this;
    }

    /** Closes the connection in the middle of the message data. */
    public FakeSmtpServer dropInData() {
        dropInData = true;
        return this;
    }

    @Override
    protected void converse(Conversation c) throws IOException, InterruptedException {
        if (stalls("greeting")) {
            c.stall();
            return;
        }
        if (trickleGreeting) {
            c.trickle("220 fake.test ESMTP tarpit", 1_000);
        } else {
            answer(c, "greeting", "220 fake.test ESMTP");
        }
        for (String line = c.read(); line != null; line = c.read()) {
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            String step = verb.equals("HELO") ? "EHLO" : verb;
            if (stalls(step)) {
                c.stall();
                return;
            }
            switch (step) {
                case "EHLO" -> answer(c, step, "250-fake.test\n" + (offerStartTls ? "250-STARTTLS\n" : "")
                        + "250-AUTH PLAIN LOGIN\n250 8BITMIME");
                case "STARTTLS" -> {
                    if (!answer(c, step, "220 go ahead")) {
                        continue;
                    }
                    if (breakStartTls) {
                        c.breakHandshake();
                        return;
                    }
                    c.upgrade(identity.context());
                }
                case "AUTH" -> authenticate(c, line);
                case "MAIL", "RCPT" -> answer(c, step, "250 2.1.0 ok");
                case "DATA" -> {
                    if (answer(c, step, "354 go ahead") && !receiveData(c)) {
                        return;
                    }
                }
                case "QUIT" -> {
                    answer(c, step, "221 bye");
                    return;
                }
                default -> c.send("502 5.5.2 not implemented");
            }
        }
    }

    private void authenticate(Conversation c, String line) throws IOException {
        if (replaced("AUTH")) {
            answer(c, "AUTH", "");
            return;
        }
        boolean login = line.toUpperCase(Locale.ROOT).contains("LOGIN");
        c.send(login ? "334 VXNlcm5hbWU6" : "334 ");
        c.read();
        if (login) {
            c.send("334 UGFzc3dvcmQ6");
            c.read();
        }
        c.send("235 2.7.0 accepted");
    }

    /** Reads the message up to the final dot; false when the connection was dropped on purpose. */
    private boolean receiveData(Conversation c) throws IOException {
        StringBuilder text = new StringBuilder();
        int lines = 0;
        for (String line = c.read(); line != null && !line.equals("."); line = c.read()) {
            text.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
            if (dropInData && ++lines == 3) {
                c.close();
                return false;
            }
        }
        if (answer(c, "EOD", "250 2.0.0 queued")) {
            mailbox.deliver(text.toString());
        }
        return true;
    }

}
