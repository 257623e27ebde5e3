package io.mailtrip.runner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: clients that stall, trickle, flood or send oversized heads, against the running endpoint
 * with real sockets. Each client that should be cut is asserted to be cut by the server, in time.
 */
class HttpEndpointHostileClientTest {

    private static final List<String> PATHS = List.of("/metrics", "/api/results", "/");

    private final List<Socket> sockets = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static HttpEndpoint serve(HttpEndpoint.Limits limits) throws IOException {
        return HttpEndpoint.start(new RunnerConfig.HttpSettings("127.0.0.1", 0), new ResultBoard(List.of()),
                Locale.ENGLISH, limits);
    }

    private Socket stalled(HttpEndpoint endpoint, String sent) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(sent.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private HttpResponse<String> get(HttpEndpoint endpoint, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Seconds from {@code start} until the server closes the socket (end of stream), at most {@code limit}. */
    private static double secondsUntilClosed(Socket socket, long start, Duration limit) throws IOException {
        socket.setSoTimeout((int) limit.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                if (System.nanoTime() - start > limit.toNanos()) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            return Double.POSITIVE_INFINITY;
        } catch (IOException e) {
            // reset by the server: closed as well
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void clientsThatSendGAndWaitDoNotDelayAnyPage() throws Exception {
        // More stalled clients than the server has threads: none of them may hold a worker.
        HttpEndpoint.Limits limits = HttpEndpoint.Limits.DEFAULT;
        try (HttpEndpoint endpoint = serve(limits)) {
            for (int i = 0; i < limits.maxThreads() * 2; i++) {
                stalled(endpoint, i % 2 == 0 ? "G" : "GET /metrics HTTP/1.1\r\nHost: x\r\n");
            }
            for (String path : PATHS) {
                long start = System.nanoTime();
                HttpResponse<String> response = get(endpoint, path);
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(seconds).as(path + " answered in seconds").isLessThan(2.0);
            }
        }
    }

    @Test
    void aStalledRequestHeadIsClosedAfterTheIdleTimeout() throws Exception {
        HttpEndpoint.Limits limits = new HttpEndpoint.Limits(8, 8, Duration.ofSeconds(1), Duration.ofSeconds(30),
                8 * 1024);
        try (HttpEndpoint endpoint = serve(limits)) {
            long start = System.nanoTime();
            List<Socket> clients = List.of(stalled(endpoint, "G"), stalled(endpoint, "GET / HTTP/1.1\r\n"),
                    stalled(endpoint, ""));
            for (Socket socket : clients) {
                // Jetty checks idle connections at the idle timeout's own period: closed within twice of it.
                assertThat(secondsUntilClosed(socket, start, Duration.ofSeconds(10))).isBetween(0.9, 3.0);
            }
        }
    }

    @Test
    void aClientThatTricklesBytesIsClosedAtTheConnectionAge() throws Exception {
        HttpEndpoint.Limits limits = new HttpEndpoint.Limits(8, 8, Duration.ofSeconds(2), Duration.ofSeconds(3),
                8 * 1024);
        try (HttpEndpoint endpoint = serve(limits)) {
            Socket socket = stalled(endpoint, "GET / HTTP/1.1\r\n");
            long start = System.nanoTime();
            boolean closed = false;
            // One header byte every 0.5 s stays within the idle timeout; the age limit must still cut it.
            for (int i = 0; i < 20 && !closed; i++) {
                try {
                    socket.getOutputStream().write('X');
                    socket.getOutputStream().flush();
                    Thread.sleep(500);
                } catch (IOException e) {
                    closed = true;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(closed).as("server closed the trickling connection").isTrue();
            assertThat(seconds).isBetween(2.5, 6.0);
        }
    }

    @Test
    void whenEveryConnectionIsTakenTheNextClientIsServedOnceTheIdleTimeoutFreesOne() throws Exception {
        HttpEndpoint.Limits limits = new HttpEndpoint.Limits(4, 8, Duration.ofSeconds(2), Duration.ofSeconds(30),
                8 * 1024);
        try (HttpEndpoint endpoint = serve(limits)) {
            for (int i = 0; i < limits.maxConnections() * 3; i++) {
                // Beyond the limit the connects complete in the kernel's backlog; the server takes them later.
                stalled(endpoint, "G");
            }
            long start = System.nanoTime();
            HttpResponse<String> response = get(endpoint, "/metrics");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(response.statusCode()).isEqualTo(200);
            // Three waves of stalled clients ahead of it, each cut within twice the idle timeout.
            assertThat(seconds).isLessThan(3 * 2 * limits.idleTimeout().toSeconds() + 2.0);
        }
    }

    @Test
    void anOversizedRequestHeadIsRefusedWith431() throws Exception {
        try (HttpEndpoint endpoint = serve(HttpEndpoint.Limits.DEFAULT)) {
            Socket socket = stalled(endpoint, "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "a".repeat(HttpEndpoint.Limits.DEFAULT.maxRequestHead() * 2) + "\r\n\r\n");
            socket.setSoTimeout(10_000);
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 431");
        }
    }

    @Test
    void headAndOtherMethodsAreAnsweredWithoutABody() throws Exception {
        try (HttpEndpoint endpoint = serve(HttpEndpoint.Limits.DEFAULT)) {
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                    // A small body: with a large one the endpoint may answer and close before the client has
                    // written it all, and the JDK client then reports the broken pipe instead of the answer.
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        }
    }

    @Test
    void theDefaultAddressIsLoopback() {
        assertThat(ConfigLoader.DEFAULT_HTTP_ADDRESS).isEqualTo("127.0.0.1");
    }
}
