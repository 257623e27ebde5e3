package io.mailtrip.mailkit.oauth2;

import io.mailtrip.mailkit.OneLine;
import io.mailtrip.spi.Secret;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One token request: a form POST to the token endpoint (RFC 6749 section 4.4.2 client credentials,
 * section 6 refresh) with the JDK HTTP client, its JSON answer read with Jackson (section 5.1 success,
 * section 5.2 error). The whole request, connect to last body byte, is bounded by the timeout it is given;
 * the body by {@link #MAX_BODY}.
 */
final class TokenEndpoint {

    /** A token response is a few kilobytes; Microsoft's JWTs stay below 8 KiB. */
    static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A token request failed; the message says why, without any secret. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A successful answer (RFC 6749 section 5.1).
     *
     * @param expiresIn    {@code expires_in}, if sent
     * @param refreshToken a new refresh token, if the server rotated it
     */
    record Granted(Secret accessToken, Optional<Duration> expiresIn, Optional<Secret> refreshToken) {
    }

    private final HttpClient client;

    TokenEndpoint(SSLContext tls) {
        // No redirects: a token endpoint that redirects would get the client secret again elsewhere.
        this.client = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Asks {@code settings}' endpoint for an access token, with {@code refreshToken} for that grant. */
    Granted request(OAuth2Settings settings, Optional<Secret> refreshToken, Duration timeout)
            throws Failure, InterruptedException {
        URI url = settings.tokenUrl().orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", settings.grant().grantType());
        refreshToken.ifPresent(token -> form.put("refresh_token", token.reveal()));
        settings.scope().ifPresent(scope -> form.put("scope", scope));
        // Client authentication in the body (RFC 6749 section 2.3.1): what Microsoft and Google document.
        settings.clientId().ifPresent(id -> form.put("client_id", id));
        settings.clientSecret().ifPresent(secret -> form.put("client_secret", secret.reveal()));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> new Bounded());
        HttpResponse<byte[]> response;
        try {
            response = pending.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new Failure("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException | CancellationException e) {
            throw new Failure(describe(e.getCause() == null ? e : e.getCause()));
        }
        return read(response.statusCode(), response.body());
    }

    /** RFC 6749 sections 5.1 and 5.2. */
    static Granted read(int status, byte[] body) throws Failure {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (status != 200) {
            String error = json != null && json.path("error").isTextual()
                    ? ", error " + OneLine.of(json.path("error").asText(), 60)
                    + (json.path("error_description").isTextual()
                    ? " (" + OneLine.of(json.path("error_description").asText(), 120) + ")" : "")
                    : json == null ? ", answer is not JSON" : ", answer has no error code";
            throw new Failure("HTTP " + status + error);
        }
        if (json == null || !json.isObject()) {
            throw new Failure("HTTP 200 but the answer is not a JSON object (RFC 6749 section 5.1)");
        }
        JsonNode token = json.path("access_token");
        if (!token.isTextual() || token.asText().isEmpty()) {
            throw new Failure("HTTP 200 but the answer has no access_token (RFC 6749 section 5.1)");
        }
        String type = json.path("token_type").asText("");
        if (!type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new Failure("HTTP 200 but token_type is " + (type.isEmpty() ? "missing" : OneLine.of(type, 30))
                    + ", not Bearer (RFC 6750)");
        }
        JsonNode expires = json.path("expires_in");
        Optional<Duration> expiresIn = expires.canConvertToLong() && expires.asLong() > 0
                ? Optional.of(Duration.ofSeconds(expires.asLong())) : Optional.empty();
        JsonNode refresh = json.path("refresh_token");
        return new Granted(new Secret(token.asText()), expiresIn,
                refresh.isTextual() && !refresh.asText().isEmpty() ? Optional.of(new Secret(refresh.asText()))
                        : Optional.empty());
    }

    private static String describe(Throwable e) {
        String name = e.getClass().getSimpleName();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof javax.net.ssl.SSLHandshakeException || message.contains("PKIX")
                || message.contains("No subject alternative")) {
            return "TLS handshake failed: " + OneLine.of(message, 140);
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        if (e instanceof Limit) {
            return message;
        }
        return OneLine.of(name + (message.isEmpty() ? "" : ": " + message), 160);
    }

    private static String encode(Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /** The body is longer than {@link #MAX_BODY}. */
    static final class Limit extends IOException {
        Limit() {
            super("answer longer than " + MAX_BODY + " bytes (limit of a token response)");
        }
    }

    /** Collects at most {@link #MAX_BODY} bytes, then gives up: a hostile endpoint costs bounded memory. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_BODY) {
                    subscription.cancel();
                    result.completeExceptionally(new Limit());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
