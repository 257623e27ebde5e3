package io.mailtrip.bench;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.LongConsumer;

/**
 * GreenMail for the benchmarks: SMTP, POP3 and IMAP on 127.0.0.1 (free ports unless given), a sender,
 * the mailbox {@code probe@localhost} and {@code users} more mailboxes {@code probe<n>@localhost}, so
 * every runner instance of the scale test has its own. Run as its own JVM ({@link #main}) when the
 * client's CPU is measured, or in-process for the delivery hook.
 */
public final class BenchMailServer implements AutoCloseable {

    /** Password of every benchmark mailbox; GreenMail on loopback only, never a real account. */
    public static final String PASSWORD = "bench-only-pw";
    public static final String SENDER = "sender@localhost";
    public static final String PROBE = "probe@localhost";

    private final GreenMail greenMail;

    /** Starts GreenMail; a port of 0 picks a free one. */
    public BenchMailServer(int users, int smtpPort, int pop3Port, int imapPort) {
        List<ServerSetup> setups = new ArrayList<>(List.of(setup(smtpPort, ServerSetup.PROTOCOL_SMTP),
                setup(pop3Port, ServerSetup.PROTOCOL_POP3)));
        if (imapPort >= 0) {
            setups.add(setup(imapPort, ServerSetup.PROTOCOL_IMAP));
        }
        greenMail = new GreenMail(setups.toArray(ServerSetup[]::new));
        greenMail.start();
        greenMail.setUser(SENDER, "sender", PASSWORD);
        greenMail.setUser(PROBE, "probe", PASSWORD);
        for (int n = 0; n < users; n++) {
            greenMail.setUser(probe(n), "probe" + n, PASSWORD);
        }
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(10_000);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    /** Address of the n-th extra mailbox (login {@code probe<n>}). */
    public static String probe(int n) {
        return "probe" + n + "@localhost";
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int pop3Port() {
        return greenMail.getPop3().getPort();
    }

    public int imapPort() {
        return greenMail.getImap() == null ? -1 : greenMail.getImap().getPort();
    }

    /** Puts {@code count} ordinary mails (not probes, ~1 KiB each) into {@code address}'s inbox. */
    public void addForeignMails(String address, int count) throws MessagingException {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        Session session = Session.getInstance(new Properties());
        String body = "Minutes of the weekly meeting. ".repeat(32);
        for (int n = 0; n < count; n++) {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("someone@example.org"));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
            message.setSubject(String.format(Locale.ROOT, "Weekly report %05d", n));
            message.setHeader("Message-ID", String.format(Locale.ROOT, "<foreign-%d-%d@example.org>", n, System.nanoTime()));
            message.setText(body);
            message.saveChanges();
            user.deliver(message);
        }
    }

    /** Calls {@code onDelivery} with {@link System#nanoTime()} whenever a mail lands in {@code address}'s inbox. */
    public void onDelivery(String address, LongConsumer onDelivery) throws FolderException {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        greenMail.getManagers().getImapHostManager().getInbox(user).addListener(new FolderListener() {
            @Override
            public void added(int msn) {
                onDelivery.accept(System.nanoTime());
            }

            @Override
            public void expunged(int msn) {
            }

            @Override
            public void flagsUpdated(int msn, Flags flags, Long uid) {
            }

            @Override
            public void mailboxDeleted() {
            }
        });
    }

    /** Messages now in {@code address}'s inbox. */
    public int messageCount(String address) throws FolderException {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        return greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /**
     * {@code BenchMailServer [users] [smtpPort] [pop3Port] [imapPort] [foreignMailsForProbe]}: prints
     * {@code smtp=<port> pop3=<port> imap=<port>} and serves until killed.
     */
    public static void main(String[] args) throws Exception {
        int users = BenchArgs.integer(args, 0, 0);
        int smtp = BenchArgs.integer(args, 1, 0);
        int pop3 = BenchArgs.integer(args, 2, 0);
        int imap = BenchArgs.integer(args, 3, 0);
        int foreign = BenchArgs.integer(args, 4, 0);
        BenchMailServer server = new BenchMailServer(users, smtp, pop3, imap);
        server.addForeignMails(PROBE, foreign);
        System.out.printf(Locale.ROOT, "smtp=%d pop3=%d imap=%d users=%d%n", server.smtpPort(), server.pop3Port(),
                server.imapPort(), users);
        System.out.flush();
        Thread.currentThread().join();
    }
}
