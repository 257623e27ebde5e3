package io.mailtrip.mailkit.testing;

import javax.net.ssl.SSLServerSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A scriptable server on 127.0.0.1:0 for fault injection: every connection runs {@link #converse}, and
 * every line a client sent is kept in {@link #received()}. Replies can be replaced per protocol step,
 * or withheld ({@link #stallAt}). Closing stops the accept thread and every connection, so a test can
 * check that the client left nothing behind.
 *
 * @param <S> the concrete server, for fluent set-up
 */
public abstract class FakeServer<S extends FakeServer<S>> extends LoopbackServer {

    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final boolean implicitTls;
    private final Predicate<String> failureReply;
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final Set<String> stallAt = ConcurrentHashMap.newKeySet();

    /**
     * @param implicitTls  serve TLS from the first byte with {@code identity}'s certificate
     * @param failureReply tells a failure reply of the protocol (4xx/5xx, -ERR) from a success
     */
    protected FakeServer(String name, boolean implicitTls, ServerIdentity identity, Predicate<String> failureReply)
            throws IOException {
        super("fake-" + name, implicitTls
                ? (SSLServerSocket) identity.context().getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        this.implicitTls = implicitTls;
        this.failureReply = failureReply;
        start();
    }

    @Override
    protected final void serve(Socket socket) throws IOException, InterruptedException {
        converse(new Conversation(socket, received, implicitTls));
    }

    /** Answers {@code step} with {@code reply} (lines separated by \n) instead of the default. */
    @SuppressWarnings("unchecked")
    public S reply(String step, String reply) {
        replies.put(step, reply);
        return (S) this;
    }

    /** Never answers at {@code step}. */
    @SuppressWarnings("unchecked")
    public S stallAt(String step) {
        stallAt.add(step);
        return (S) this;
    }

    protected boolean stalls(String step) {
        return stallAt.contains(step);
    }

    protected boolean replaced(String step) {
        return replies.containsKey(step);
    }

    /** Sends the replacement for {@code step}, else the default; false when what was sent is a failure. */
    protected boolean answer(Conversation c, String step, String defaultReply) throws IOException {
        String reply = replies.getOrDefault(step, defaultReply);
        for (String line : reply.split("\n")) {
            c.send(line);
        }
        return !failureReply.test(reply);
    }

    /** The server's side of one connection. */
    protected abstract void converse(Conversation conversation) throws IOException, InterruptedException;

    /** Every line clients sent, in order; lines sent under STARTTLS/STLS start with {@code TLS:}. */
    public List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}
