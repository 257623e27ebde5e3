package io.mailtrip.mailkit.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A small OAuth 2.0 authorization server for tests, on 127.0.0.1: a token endpoint (RFC 6749 section 4.4
 * client credentials and section 6 refresh) and an introspection endpoint (RFC 7662) that the mail stack's
 * Dovecot asks about every token (introspection_mode = post). Tokens are random, live for a given time,
 * carry one user and one scope, and can be revoked. The token endpoint can be switched into fault modes
 * (garbage, a tarpit, an error) for the fault tests; the introspection endpoint always answers.
 */
public final class TestIssuer implements AutoCloseable {

    /** How the token endpoint answers. */
    public enum Mode { NORMAL, GARBAGE, TARPIT, SERVER_ERROR }

    /** A registered client: its secret, and the mailbox user and scope its tokens are for. */
    private record Client(String secret, String user, String scope) {
    }

    private record Token(String user, String scope, Instant expires) {
    }

    private final HttpServer introspection;
    private final Optional<HttpsServer> https;
    private final HttpServer plainToken;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> introspected = new CopyOnWriteArrayList<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.NORMAL;
    private volatile Duration lifetime = Duration.ofHours(1);
    private volatile boolean rotateRefreshTokens;

    /**
     * @param introspectionPort the port Dovecot was configured with ({@code MAILTRIP_STACK_OAUTH2_ISSUER_PORT}),
     *                          or 0
     * @param identity          the TLS identity of an https token endpoint (on its own port), or empty for a
     *                          plain http token endpoint on the introspection port
     */
    public TestIssuer(int introspectionPort, Optional<SSLContext> identity) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        introspection = HttpServer.create(new InetSocketAddress(loopback, introspectionPort), 16);
        introspection.createContext("/introspect", this::introspect);
        introspection.createContext("/token", this::token);
        introspection.setExecutor(Executors.newCachedThreadPool(daemon()));
        introspection.start();
        plainToken = introspection;
        if (identity.isPresent()) {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(loopback, 0), 16);
            server.setHttpsConfigurator(new HttpsConfigurator(identity.get()));
            server.createContext("/token", this::token);
            server.setExecutor(Executors.newCachedThreadPool(daemon()));
            server.start();
            https = Optional.of(server);
        } else {
            https = Optional.empty();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "test-issuer");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The server identity of PEM files (certificate chain, PKCS#8 key), e.g. the mail stack's tls/server.*. */
    public static SSLContext identity(Path certificatePem, Path keyPem) throws Exception {
        List<Certificate> chain = new ArrayList<>(CertificateFactory.getInstance("X.509")
                .generateCertificates(Files.newInputStream(certificatePem)));
        String key = Files.readString(keyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", privateKey, "x".toCharArray(), chain.toArray(new Certificate[0]));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "x".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** The server identity of a PKCS12 file (the test material's server.p12, wronghost.p12). */
    public static SSLContext identity(Path pkcs12, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance(pkcs12.toFile(), password);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** The token endpoint, https when an identity was given. */
    public URI tokenUrl() {
        return https.map(s -> URI.create("https://127.0.0.1:" + s.getAddress().getPort() + "/token"))
                .orElse(URI.create("http://127.0.0.1:" + plainToken.getAddress().getPort() + "/token"));
    }

    /** Registers a client whose client-credentials tokens are for {@code user} with {@code scope}. */
    public void client(String clientId, String secret, String user, String scope) {
        clients.put(clientId, new Client(secret, user, scope));
    }

    /** A refresh token of {@code clientId}, for the refresh grant. */
    public String refreshTokenFor(String clientId) {
        String refresh = "rt-" + UUID.randomUUID();
        refreshTokens.put(refresh, clientId);
        return refresh;
    }

    /** Issues an access token directly (for oauth2AccessToken), valid for {@code valid} (negative: expired). */
    public String issue(String user, String scope, Duration valid) {
        String token = "at-" + UUID.randomUUID();
        issued.add(token);
        tokens.put(token, new Token(user, scope, Instant.now().plus(valid)));
        return token;
    }

    public void revoke(String token) {
        tokens.remove(token);
    }

    /** Revokes every access token issued so far. */
    public void revokeAll() {
        tokens.clear();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** {@code expires_in} of the tokens the endpoint grants from now on. */
    public void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Whether the refresh grant answers with a new refresh token (RFC 6749 section 6). */
    public void rotateRefreshTokens(boolean rotate) {
        this.rotateRefreshTokens = rotate;
    }

    /** The grant_type of every token request, in order. */
    public List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** Every access and refresh token issued so far, for tests that grep outputs for them. */
    public List<String> secretsIssued() {
        List<String> all = new ArrayList<>(issued);
        all.addAll(refreshTokens.keySet());
        return all;
    }

    /** How many introspection requests Dovecot made. */
    public int introspections() {
        return introspected.size();
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(exchange.getRequestBody());
            tokenRequests.add(form.getOrDefault("grant_type", "?"));
            switch (mode) {
                case GARBAGE -> {
                    send(exchange, 200, "<html>this is no token</html>");
                    return;
                }
                case SERVER_ERROR -> {
                    send(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
                    return;
                }
                case TARPIT -> {
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    try {
                        for (int i = 0; i < 600; i++) {
                            out.write(' ');
                            out.flush();
                            Thread.sleep(500);
                        }
                    } catch (InterruptedException | IOException e) {
                        return;
                    }
                    return;
                }
                case NORMAL -> {
                }
            }
            Client client = clients.get(form.getOrDefault("client_id", ""));
            if (client == null || !client.secret().equals(form.getOrDefault("client_secret", client.secret()))) {
                send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"unknown client or wrong secret\"}");
                return;
            }
            String grant = form.getOrDefault("grant_type", "");
            Map<String, Object> answer = new HashMap<>();
            if (grant.equals("refresh_token")) {
                String refresh = form.getOrDefault("refresh_token", "");
                if (!form.get("client_id").equals(refreshTokens.get(refresh))) {
                    send(exchange, 400, "{\"error\":\"invalid_grant\"}");
                    return;
                }
                if (rotateRefreshTokens) {
                    refreshTokens.remove(refresh);
                    String next = refreshTokenFor(form.get("client_id"));
                    answer.put("refresh_token", next);
                }
            } else if (!grant.equals("client_credentials")) {
                send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
                return;
            }
            String scope = form.getOrDefault("scope", client.scope());
            String token = issue(client.user(), scope, lifetime);
            answer.put("access_token", token);
            answer.put("token_type", "Bearer");
            answer.put("expires_in", lifetime.toSeconds());
            send(exchange, 200, json(answer));
        }
    }

    private void introspect(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(exchange.getRequestBody());
            String value = form.getOrDefault("token", "");
            introspected.add(value);
            Token token = tokens.get(value);
            if (token == null || token.expires().isBefore(Instant.now())) {
                send(exchange, 200, "{\"active\":false}");
                return;
            }
            Map<String, Object> answer = new HashMap<>();
            answer.put("active", true);
            answer.put("username", token.user());
            answer.put("scope", token.scope());
            answer.put("exp", token.expires().getEpochSecond());
            send(exchange, 200, json(answer));
        }
    }

    private static String json(Map<String, Object> values) {
        List<String> members = new ArrayList<>();
        values.forEach((k, v) -> members.add("\"" + k + "\":" + (v instanceof Number || v instanceof Boolean ? v.toString()
                : "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")));
        return "{" + String.join(",", members) + "}";
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        Map<String, String> form = new HashMap<>();
        String text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        https.ifPresent(s -> s.stop(0));
        introspection.stop(0);
    }
}
