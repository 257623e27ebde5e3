package io.mailtrip.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves {@code /metrics} (Prometheus), {@code /api/results} (JSON) and {@code /} (status page) from the
 * result board, with the JDK's own HTTP server on one thread: scrapes are rare and cheap. The JSON and
 * the page name sensors in the request's language ({@link ResponseLanguage}).
 */
final class HttpEndpoint implements AutoCloseable {

    private static final String LANG_PARAMETER = "lang=";

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** @param language the language when a request asks for none the runner offers */
    static HttpEndpoint start(RunnerConfig.HttpSettings settings, ResultBoard board, Locale language)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.address(), settings.port()), 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mailtrip-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> respond(exchange, "/metrics", PrometheusText.CONTENT_TYPE,
                () -> PrometheusText.render(board.snapshots())));
        server.createContext("/api/results", exchange -> {
            Locale chosen = language(exchange, language, board);
            respond(exchange, "/api/results", "application/json; charset=utf-8", () -> json(board, chosen));
        });
        server.createContext("/", exchange -> {
            Locale chosen = language(exchange, language, board);
            respond(exchange, "/", "text/html; charset=utf-8",
                    () -> StatusPage.render(board.snapshots(), Instant.now(), chosen));
        });
        server.start();
        return new HttpEndpoint(server, executor);
    }

    /** The bound port (useful when the configuration asked for port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    /** The request's language; also announced in {@code Content-Language}. */
    private static Locale language(HttpExchange exchange, Locale configured, ResultBoard board) {
        Optional<String> query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).stream()
                .flatMap(q -> Arrays.stream(q.split("&")))
                .filter(p -> p.startsWith(LANG_PARAMETER))
                .map(p -> URLDecoder.decode(p.substring(LANG_PARAMETER.length()), StandardCharsets.UTF_8))
                .findFirst();
        List<String> supported = ResponseLanguage.supported(
                board.snapshots().stream().map(InstanceHistory.Snapshot::descriptor).toList());
        Locale chosen = ResponseLanguage.choose(query,
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept-Language")), configured, supported);
        exchange.getResponseHeaders().set("Content-Language", chosen.toLanguageTag());
        exchange.getResponseHeaders().set("Vary", "Accept-Language");
        return chosen;
    }

    private static String json(ResultBoard board, Locale language) {
        try {
            return ResultJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ResultJson.board(board.snapshots(), language)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results always serialise", e);
        }
    }

    private static void respond(HttpExchange exchange, String path, String contentType, Supplier<String> body)
            throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals(path)) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found; try /, /metrics or /api/results\n",
                        method);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n", method);
            } else {
                send(exchange, 200, contentType, body.get(), method);
            }
        }
    }

    private static void send(HttpExchange exchange, int code, String contentType, String body, String method)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = method.equals("HEAD");
        exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
