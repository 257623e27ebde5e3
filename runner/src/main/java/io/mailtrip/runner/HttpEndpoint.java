package io.mailtrip.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Serves {@code /metrics} (Prometheus), {@code /api/results} (JSON) and {@code /} (status page) from the
 * result board. The JSON and the page name sensors in the request's language ({@link ResponseLanguage}).
 *
 * <p>Bounded so that no client, slow or malicious, can keep the others from an answer (issue 13). Jetty
 * rather than the JDK's server: the JDK server reads a request head with blocking reads on a worker
 * thread, so a few clients that send {@code G} and wait hold every worker until its
 * {@code sun.net.httpserver.maxReqTime}, and those limits are JVM-wide system properties read once.
 * Jetty reads request heads on its selector and hands a request to a worker only when its head is
 * complete; the limits ({@link Limits}) are per server.
 */
final class HttpEndpoint implements AutoCloseable {

    /**
     * What one client may take.
     *
     * @param maxConnections    open connections at most; further clients wait in the kernel's backlog
     * @param maxThreads        threads of the server (acceptor, selector and request workers)
     * @param idleTimeout       a connection that sends nothing for this long (mid-request or between
     *                          requests) is closed
     * @param maxConnectionAge  a connection is closed this long after it opened, however busy: a client
     *                          that trickles bytes to stay within the idle timeout cannot hold it longer
     * @param maxRequestHead    request line plus headers, in bytes; a larger head is answered 431. No
     *                          request here has a body.
     */
    record Limits(int maxConnections, int maxThreads, Duration idleTimeout, Duration maxConnectionAge,
                  int maxRequestHead) {
        static final Limits DEFAULT = new Limits(32, 8, Duration.ofSeconds(5), Duration.ofSeconds(30), 8 * 1024);
    }

    private static final String LANG_PARAMETER = "lang=";

    private final Server server;
    private final ServerConnector connector;

    private HttpEndpoint(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** @param language the language when a request asks for none the runner offers */
    static HttpEndpoint start(RunnerConfig.HttpSettings settings, ResultBoard board, Locale language)
            throws IOException {
        return start(settings, board, language, Limits.DEFAULT, NO_SCHEDULER);
    }

    /** @param health the scheduler's health, for {@code /healthz} */
    static HttpEndpoint start(RunnerConfig.HttpSettings settings, ResultBoard board, Locale language,
                              Supplier<io.mailtrip.runner.Scheduler.Health> health) throws IOException {
        return start(settings, board, language, Limits.DEFAULT, health);
    }

    static HttpEndpoint start(RunnerConfig.HttpSettings settings, ResultBoard board, Locale language, Limits limits)
            throws IOException {
        return start(settings, board, language, limits, NO_SCHEDULER);
    }

    /** Pages served without a scheduler (tests, tools): {@code /healthz} says so. */
    private static final Supplier<io.mailtrip.runner.Scheduler.Health> NO_SCHEDULER =
            () -> new io.mailtrip.runner.Scheduler.Health(false, Duration.ZERO, 0);

    static HttpEndpoint start(RunnerConfig.HttpSettings settings, ResultBoard board, Locale language, Limits limits,
                              Supplier<io.mailtrip.runner.Scheduler.Health> health) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 2);
        threads.setName("mailtrip-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxRequestHead());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.address());
        connector.setPort(settings.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addBean(new ConnectionAgeLimit(connector.getScheduler(), limits.maxConnectionAge()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setHandler(new Routes(board, language, health));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException(e.getMessage(), e);
        }
        return new HttpEndpoint(server, connector);
    }

    /** The bound port (useful when the configuration asked for port 0). */
    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping closes sockets and threads; nothing the caller could do about a failure.
        }
    }

    /** The three pages; answers are rendered in memory, so a worker never waits on anything but the write. */
    private static final class Routes extends Handler.Abstract {

        private final ResultBoard board;
        private final Locale configured;
        private final PrometheusMetrics metrics;
        private final Supplier<io.mailtrip.runner.Scheduler.Health> health;

        Routes(ResultBoard board, Locale configured, Supplier<io.mailtrip.runner.Scheduler.Health> health) {
            this.board = board;
            this.configured = configured;
            this.health = health;
            this.metrics = new PrometheusMetrics(board::summaries);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            switch (path) {
                case "/metrics" -> {
                    PrometheusMetrics.Scrape scrape = metrics.scrape(request.getHeaders().get(HttpHeader.ACCEPT));
                    respondBytes(request, response, callback, scrape.contentType(), scrape::body);
                }
                case "/api/results" -> {
                    Locale chosen = language(request, response);
                    respond(request, response, callback, "application/json; charset=utf-8",
                            () -> json(board, chosen));
                }
                case "/" -> {
                    Locale chosen = language(request, response);
                    respond(request, response, callback, "text/html; charset=utf-8",
                            () -> StatusPage.render(board.snapshots(), Instant.now(), chosen));
                }
                case "/healthz" -> {
                    io.mailtrip.runner.Scheduler.Health now = health.get();
                    String body = String.format(Locale.ROOT, "{\"status\":\"%s\",\"schedulerAlive\":%s,"
                                    + "\"lastTickAgeSeconds\":%.3f,\"instances\":%d}%n", now.healthy() ? "ok" : "failing",
                            now.healthy(), now.lastTickAge().toMillis() / 1e3, now.instances());
                    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
                        respond(request, response, callback, "application/json", () -> body);
                    } else {
                        send(request, response, callback, now.healthy() ? 200 : 503, "application/json", body);
                    }
                }
                default -> send(request, response, callback, 404, "text/plain; charset=utf-8",
                        "not found; try /, /metrics, /api/results or /healthz\n");
            }
            return true;
        }

        /** The request's language; also announced in {@code Content-Language}. */
        private Locale language(Request request, Response response) {
            Optional<String> query = Optional.ofNullable(request.getHttpURI().getQuery()).stream()
                    .flatMap(q -> Arrays.stream(q.split("&")))
                    .filter(p -> p.startsWith(LANG_PARAMETER))
                    .map(p -> URLDecoder.decode(p.substring(LANG_PARAMETER.length()), StandardCharsets.UTF_8))
                    .findFirst();
            List<String> supported = ResponseLanguage.supported(
                    board.summaries().stream().map(InstanceState.Snapshot::descriptor).toList());
            Locale chosen = ResponseLanguage.choose(query,
                    Optional.ofNullable(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)), configured, supported);
            response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, chosen.toLanguageTag());
            response.getHeaders().put(HttpHeader.VARY, "Accept-Language");
            return chosen;
        }
    }

    private static String json(ResultBoard board, Locale language) {
        try {
            return ResultJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ResultJson.board(board.snapshots(), language)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results always serialise", e);
        }
    }

    private static void respond(Request request, Response response, Callback callback, String contentType,
                                Supplier<String> body) {
        respondBytes(request, response, callback, contentType, () -> body.get().getBytes(StandardCharsets.UTF_8));
    }

    private static void respondBytes(Request request, Response response, Callback callback, String contentType,
                                     Supplier<byte[]> body) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            send(request, response, callback, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
        } else {
            send(response, callback, 200, contentType, body.get());
        }
    }

    private static void send(Request request, Response response, Callback callback, int code, String contentType,
                             String body) {
        send(response, callback, code, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Callback callback, int code, String contentType, byte[] bytes) {
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(new HttpField(HttpHeader.CONTENT_LENGTH, String.valueOf(bytes.length)));
        // Jetty leaves the body out of the answer to HEAD itself.
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Closes every connection a fixed time after it opened. */
    private static final class ConnectionAgeLimit implements Connection.Listener {

        private final Scheduler scheduler;
        private final Duration maxAge;
        private final Map<Connection, Scheduler.Task> closers = new ConcurrentHashMap<>();

        ConnectionAgeLimit(Scheduler scheduler, Duration maxAge) {
            this.scheduler = scheduler;
            this.maxAge = maxAge;
        }

        @Override
        public void onOpened(Connection connection) {
            closers.put(connection, scheduler.schedule(() -> connection.getEndPoint().close(),
                    maxAge.toMillis(), TimeUnit.MILLISECONDS));
        }

        @Override
        public void onClosed(Connection connection) {
            Scheduler.Task closer = closers.remove(connection);
            if (closer != null) {
                closer.cancel();
            }
        }
    }
}
