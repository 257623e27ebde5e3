package io.mailtrip.sensor.smtpimap.fake;

import io.mailtrip.mailkit.testing.Conversation;
import io.mailtrip.mailkit.testing.FakeServer;
import io.mailtrip.mailkit.testing.ServerIdentity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scriptable IMAP server for faults (RFC 9051 subset: CAPABILITY, STARTTLS, AUTHENTICATE PLAIN, LOGIN,
 * SELECT, UID SEARCH HEADER, UID FETCH BODY.PEEK[HEADER.FIELDS], UID STORE, UID EXPUNGE, UID MOVE,
 * EXPUNGE, IDLE, NOOP, LOGOUT) over one folder shared by all connections. A step's answer can be
 * replaced with {@link #respond} ({@code {tag}} stands for the command's tag), or withheld with
 * {@link #stallAt}. Steps: {@code greeting}, the command names above ({@code UID SEARCH}, ...), and
 * {@code IDLE} (the {@code + idling} answer).
 */
public final class FakeImapServer extends FakeServer<FakeImapServer> {

    /** One message: UID, header text (CRLF lines), flags. */
    public static final class Message {
        final long uid;
        final String header;
        final Set<String> flags = ConcurrentHashMap.newKeySet();

        Message(long uid, String header, String... flags) {
            this.uid = uid;
            this.header = header;
            this.flags.addAll(List.of(flags));
        }

        public long uid() {
            return uid;
        }

        public Set<String> flags() {
            return Set.copyOf(flags);
        }

        public String header() {
            return header;
        }
    }

    private static final Pattern SEARCH = Pattern.compile("(?i)UID SEARCH (UNDELETED )?HEADER (\\S+) \"(.*)\"");

    private final List<Message> folder = new CopyOnWriteArrayList<>();
    private final List<Conversation> idling = new CopyOnWriteArrayList<>();
    private final Map<String, String> scripts = new ConcurrentHashMap<>();
    private final Set<String> capabilities = new LinkedHashSet<>(List.of("IMAP4rev1", "SASL-IR", "AUTH=PLAIN",
            "IDLE", "UIDPLUS", "MOVE"));
    private volatile boolean offerStartTls;
    private volatile boolean dropInIdle;
    private volatile long nextUid = 1;

    private FakeImapServer(boolean implicitTls) throws IOException {
        super("imap", implicitTls, ServerIdentity.GOOD, reply -> false);
    }

    public static FakeImapServer plain() throws IOException {
        return new FakeImapServer(false);
    }

    public static FakeImapServer implicitTls() throws IOException {
        return new FakeImapServer(true);
    }

    /** Sets the capabilities announced (before and after login alike), replacing the defaults. */
    public FakeImapServer capabilities(String... names) {
        capabilities.clear();
        capabilities.addAll(List.of(names));
        return this;
    }

    /** Announces STARTTLS until it is used. */
    public FakeImapServer offerStartTls() {
        offerStartTls = true;
        return this;
    }

    /** Closes the connection during IDLE, after {@code + idling}. */
    public FakeImapServer dropInIdle() {
        dropInIdle = true;
        return this;
    }

    /** Answers {@code step} with {@code lines} (separated by \n, {tag} replaced) instead of the default. */
    public FakeImapServer respond(String step, String lines) {
        scripts.put(step, lines.replace("{nl}", "\n"));
        return this;
    }

    /** Adds a message (no EXISTS sent); returns its UID. */
    public long add(String header, String... flags) {
        long uid = nextUid++;
        folder.add(new Message(uid, header, flags));
        return uid;
    }

    /** Adds a message and tells idling clients with {@code * n EXISTS}, as a delivery would. */
    public long deliver(String header) throws IOException {
        long uid = add(header);
        for (Conversation c : idling) {
            synchronized (c) {
                c.send("* " + folder.size() + " EXISTS");
            }
        }
        return uid;
    }

    /**
     * Waits (up to 10 s) until a client is in IDLE, then {@link #deliver}s: a delivery between two IDLEs
     * would only show at the client's next command, which is not what a test of IDLE wants.
     */
    public long deliverWhileIdling(String header) throws IOException, InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (idling.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        return deliver(header);
    }

    public List<Message> folder() {
        return List.copyOf(folder);
    }

    @Override
    protected void converse(Conversation c) throws IOException {
        if (stalls("greeting")) {
            c.stall();
            return;
        }
        say(c, "greeting", null, "* OK fake IMAP ready");
        boolean tls = false;
        for (String line = c.read(); line != null; line = c.read()) {
            String[] words = line.split(" ", 3);
            if (words.length < 2) {
                c.send("* BAD no tag");
                continue;
            }
            String tag = words[0];
            String rest = line.substring(tag.length() + 1);
            String command = words[1].toUpperCase(Locale.ROOT);
            String step = command.equals("UID") && words.length > 2
                    ? "UID " + words[2].split(" ")[0].toUpperCase(Locale.ROOT) : command;
            if (stalls(step)) {
                c.stall();
                return;
            }
            if (scripts.containsKey(step) && !step.equals("IDLE")) {
                say(c, step, tag, "");
                continue;
            }
            switch (step) {
                case "CAPABILITY" -> {
                    Set<String> caps = new LinkedHashSet<>(capabilities);
                    if (offerStartTls && !tls) {
                        caps.add("STARTTLS");
                    }
                    c.send("* CAPABILITY " + String.join(" ", caps));
                    c.send(tag + " OK CAPABILITY completed");
                }
                case "STARTTLS" -> {
                    c.send(tag + " OK begin TLS");
                    c.upgrade(ServerIdentity.GOOD.context());
                    tls = true;
                }
                case "AUTHENTICATE" -> authenticate(c, tag, rest);
                case "LOGIN", "SELECT", "NOOP" -> {
                    if (step.equals("SELECT")) {
                        c.send("* " + folder.size() + " EXISTS");
                    }
                    c.send(tag + " OK " + step + " completed");
                }
                case "UID SEARCH" -> search(c, tag, rest);
                case "UID FETCH" -> fetch(c, tag, rest);
                case "UID STORE" -> {
                    long uid = Long.parseLong(rest.split(" ")[2]);
                    find(uid).ifPresent(m -> m.flags.add("\\Deleted"));
                    c.send(tag + " OK STORE completed");
                }
                case "UID EXPUNGE" -> {
                    long uid = Long.parseLong(rest.split(" ")[2]);
                    folder.removeIf(m -> m.uid == uid && m.flags.contains("\\Deleted"));
                    c.send(tag + " OK EXPUNGE completed");
                }
                case "UID MOVE" -> {
                    long uid = Long.parseLong(rest.split(" ")[2]);
                    folder.removeIf(m -> m.uid == uid);
                    c.send(tag + " OK MOVE completed");
                }
                case "EXPUNGE", "CLOSE" -> {
                    folder.removeIf(m -> m.flags.contains("\\Deleted"));
                    c.send(tag + " OK " + step + " completed");
                }
                case "IDLE" -> {
                    if (!idle(c, tag)) {
                        return;
                    }
                }
                case "LOGOUT" -> {
                    c.send("* BYE logging out");
                    c.send(tag + " OK LOGOUT completed");
                    return;
                }
                default -> c.send(tag + " BAD unknown command");
            }
        }
    }

    private void authenticate(Conversation c, String tag, String rest) throws IOException {
        String[] words = rest.split(" ");
        String response = words.length > 2 ? words[2] : null;
        if (response == null) {
            c.send("+ ");
            response = c.read();
        }
        String decoded = new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8);
        c.send(decoded.split("\0").length == 3 ? tag + " OK logged in" : tag + " NO bad credentials");
    }

    private void search(Conversation c, String tag, String rest) throws IOException {
        Matcher m = SEARCH.matcher(rest);
        List<String> uids = new ArrayList<>();
        if (m.matches()) {
            String field = m.group(2).toLowerCase(Locale.ROOT) + ":";
            String text = m.group(3).replace("\\\"", "\"").replace("\\\\", "\\").toLowerCase(Locale.ROOT);
            for (Message message : folder) {
                boolean hit = message.header.lines().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith(field)
                        && l.toLowerCase(Locale.ROOT).contains(text));
                if (hit && (m.group(1) == null || !message.flags.contains("\\Deleted"))) {
                    uids.add(String.valueOf(message.uid));
                }
            }
        }
        c.send("* SEARCH" + (uids.isEmpty() ? "" : " " + String.join(" ", uids)));
        c.send(tag + " OK SEARCH completed");
    }

    private void fetch(Conversation c, String tag, String rest) throws IOException {
        long uid = Long.parseLong(rest.split(" ")[2]);
        var message = find(uid);
        if (message.isPresent()) {
            StringBuilder fields = new StringBuilder();
            message.get().header.lines().filter(l -> {
                String lower = l.toLowerCase(Locale.ROOT);
                return lower.startsWith("subject:") || lower.startsWith("x-mailtrip-probe:");
            }).forEach(l -> fields.append(l).append("\r\n"));
            fields.append("\r\n");
            int position = folder.indexOf(message.get()) + 1;
            c.send("* " + position + " FETCH (UID " + uid + " BODY[HEADER.FIELDS (SUBJECT X-MAILTRIP-PROBE)] {"
                    + fields.toString().getBytes(StandardCharsets.ISO_8859_1).length + "}");
            c.send(fields + ")");
        }
        c.send(tag + " OK FETCH completed");
    }

    /** IDLE: "+ idling", EXISTS from deliveries, DONE ends it. False when the connection is to end. */
    private boolean idle(Conversation c, String tag) throws IOException {
        if (scripts.containsKey("IDLE")) {
            say(c, "IDLE", tag, "");
            return true;
        }
        c.send("+ idling");
        if (dropInIdle) {
            c.close();
            return false;
        }
        idling.add(c);
        try {
            String done = c.read();
            if (done == null) {
                return false;
            }
            synchronized (c) {
                c.send(tag + " OK IDLE terminated");
            }
            return true;
        } finally {
            idling.remove(c);
        }
    }

    private java.util.Optional<Message> find(long uid) {
        return folder.stream().filter(m -> m.uid == uid).findFirst();
    }

    private void say(Conversation c, String step, String tag, String defaultLines) throws IOException {
        String lines = scripts.getOrDefault(step, defaultLines);
        for (String line : lines.split("\n")) {
            if (line.equals("CLOSE")) {
                c.close();
                return;
            }
            c.send(tag == null ? line : line.replace("{tag}", tag));
        }
    }
}
