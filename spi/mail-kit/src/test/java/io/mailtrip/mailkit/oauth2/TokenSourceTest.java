package io.mailtrip.mailkit.oauth2;

import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.testing.TestIssuer;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Secret;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token requests, the cache and its expiry, and every way a token endpoint fails, against a test issuer. */
class TokenSourceTest {

    private static final String SECRET = "Client-Secret-4u!";
    private final TestIssuer issuer = start();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> trace = new ArrayList<>();

    private static TestIssuer start() {
        try {
            return new TestIssuer(0, Optional.empty());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private OAuth2Settings clientCredentials(URI url) {
        issuer.client("app", SECRET, "box@example.org", "mail");
        return new OAuth2Settings(OAuth2Settings.Grant.CLIENT_CREDENTIALS, Optional.of(url), Optional.of("app"),
                Optional.of(new Secret(SECRET)), Optional.of("mail"), Optional.empty(), Optional.empty(),
                OAuth2Settings.MechanismChoice.AUTO);
    }

    private TokenSource source(OAuth2Settings settings) {
        return new TokenSource(settings, new TokenEndpoint(TlsTrust.load(Optional.empty(), Optional.empty(), true)
                .sslContext()), now::get);
    }

    private OAuth2Token token(TokenSource source, Duration timeout) throws Exception {
        return source.token("smtp", timeout, Deadline.in(Duration.ofSeconds(30)), trace::add);
    }

    @Test
    void aTokenIsCachedUntilExpiresInMinusTheMarginThenFetchedAgain() throws Exception {
        issuer.lifetime(Duration.ofSeconds(3600));
        TokenSource source = source(clientCredentials(issuer.tokenUrl()));

        OAuth2Token first = token(source, Duration.ofSeconds(5));
        assertThat(first.fetched()).isPresent();
        now.addAndGet(Duration.ofSeconds(3600 - 61).toNanos());
        OAuth2Token cached = token(source, Duration.ofSeconds(5));
        assertThat(cached.fetched()).isEmpty();
        assertThat(cached.value().reveal()).isEqualTo(first.value().reveal());
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(token(source, Duration.ofSeconds(5)).fetched()).isPresent();
        assertThat(issuer.tokenRequests()).containsExactly("client_credentials", "client_credentials");
        assertThat(source.fetchedThisRun()).hasSize(2).allMatch(s -> s.matches("OAuth 2.0 token for SMTP in \\d+\\.\\d ms"));
        assertThat(String.join("\n", trace)).doesNotContain(SECRET, first.value().reveal());
    }

    @Test
    void aShortLivedTokenKeepsHalfItsLifeAsMarginAndForgetDropsIt() throws Exception {
        issuer.lifetime(Duration.ofSeconds(60));
        TokenSource source = source(clientCredentials(issuer.tokenUrl()));
        token(source, Duration.ofSeconds(5));
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(token(source, Duration.ofSeconds(5)).fetched()).isEmpty();
        source.forget();
        assertThat(token(source, Duration.ofSeconds(5)).fetched()).isPresent();
    }

    @Test
    void aRotatedRefreshTokenIsUsedNextAndAOneShotHostIsTold() throws Exception {
        issuer.client("app", SECRET, "box@example.org", "mail");
        issuer.rotateRefreshTokens(true);
        issuer.lifetime(Duration.ofSeconds(1));
        String refresh = issuer.refreshTokenFor("app");
        TokenSource source = source(new OAuth2Settings(OAuth2Settings.Grant.REFRESH_TOKEN,
                Optional.of(issuer.tokenUrl()), Optional.of("app"), Optional.of(new Secret(SECRET)), Optional.empty(),
                Optional.of(new Secret(refresh)), Optional.empty(), OAuth2Settings.MechanismChoice.AUTO));
        token(source, Duration.ofSeconds(5));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        token(source, Duration.ofSeconds(5)); // expired: asks again, with the rotated refresh token
        assertThat(issuer.tokenRequests()).containsExactly("refresh_token", "refresh_token");
        assertThat(source.notice()).isEmpty();
        source.hostKeepsNoState();
        assertThat(source.notice().orElseThrow()).contains("cannot keep").doesNotContain(refresh);
    }

    @Test
    void anAccessTokenSettingIsUsedAsItIsWithoutARequest() throws Exception {
        TokenSource source = source(new OAuth2Settings(OAuth2Settings.Grant.ACCESS_TOKEN, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new Secret("given")), OAuth2Settings.MechanismChoice.AUTO));
        OAuth2Token token = token(source, Duration.ofSeconds(5));
        assertThat(token.value().reveal()).isEqualTo("given");
        assertThat(token.fetched()).isEmpty();
    }

    @Test
    void wrongClientSecretIsPhaseOauth2WithStatusAndErrorCode() {
        issuer.client("app", "other", "box@example.org", "mail");
        OAuth2Settings settings = new OAuth2Settings(OAuth2Settings.Grant.CLIENT_CREDENTIALS,
                Optional.of(issuer.tokenUrl()), Optional.of("app"), Optional.of(new Secret(SECRET)), Optional.empty(),
                Optional.empty(), Optional.empty(), OAuth2Settings.MechanismChoice.AUTO);
        assertThatThrownBy(() -> token(source(settings), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(PhaseFailure.class, f -> assertThat(f.phase()).isEqualTo("oauth2"))
                .hasMessage("OAUTH2 127.0.0.1:" + issuer.tokenUrl().getPort() + " token request (client_credentials,"
                        + " for SMTP): HTTP 401, error invalid_client (unknown client or wrong secret)")
                .message().doesNotContain(SECRET);
    }

    @Test
    void garbageAnErrorStatusATarpitAndAClosedPortAreEachAClearFailureWithinTheTimeout() throws Exception {
        OAuth2Settings settings = clientCredentials(issuer.tokenUrl());
        issuer.mode(TestIssuer.Mode.GARBAGE);
        assertThatThrownBy(() -> token(source(settings), Duration.ofSeconds(5)))
                .hasMessageEndingWith("HTTP 200 but the answer is not a JSON object (RFC 6749 section 5.1)");
        issuer.mode(TestIssuer.Mode.SERVER_ERROR);
        assertThatThrownBy(() -> token(source(settings), Duration.ofSeconds(5)))
                .hasMessageEndingWith("HTTP 503, error temporarily_unavailable");
        issuer.mode(TestIssuer.Mode.TARPIT);
        long start = System.nanoTime();
        assertThatThrownBy(() -> token(source(settings), Duration.ofSeconds(1)))
                .hasMessageEndingWith("no complete answer within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        OAuth2Settings down = clientCredentials(URI.create("http://127.0.0.1:" + closed + "/token"));
        assertThatThrownBy(() -> token(source(down), Duration.ofSeconds(5)))
                .hasMessageEndingWith("connection refused or unreachable");
    }

    @Test
    void httpsEndpointIsCheckedWithTheTrustStoreAndTheHostName() throws Exception {
        java.nio.file.Path material = java.nio.file.Path.of(getClass().getResource("/tls/trust.p12").toURI()).getParent();
        TlsTrust trusting = TlsTrust.load(Optional.of(material.resolve("trust.p12")),
                Optional.of(new Secret("trustpass")), true);
        TlsTrust nameBlind = TlsTrust.load(Optional.of(material.resolve("trust.p12")),
                Optional.of(new Secret("trustpass")), false);
        try (TestIssuer good = new TestIssuer(0, Optional.of(TestIssuer.identity(material.resolve("server.p12"),
                "changeit".toCharArray())));
             TestIssuer wrongHost = new TestIssuer(0, Optional.of(TestIssuer.identity(material.resolve("wronghost.p12"),
                     "changeit".toCharArray())))) {
            good.client("app", SECRET, "box@example.org", "mail");
            wrongHost.client("app", SECRET, "box@example.org", "mail");
            OAuth2Settings toGood = clientCredentials(good.tokenUrl());
            OAuth2Settings toWrongHost = clientCredentials(wrongHost.tokenUrl());
            assertThat(new TokenSource(toGood, trusting).token("pop3", Duration.ofSeconds(5),
                    Deadline.in(Duration.ofSeconds(10)), trace::add).fetched()).isPresent();
            assertThatThrownBy(() -> new TokenSource(toGood, TlsTrust.load(Optional.empty(), Optional.empty(), true))
                    .token("pop3", Duration.ofSeconds(5), Deadline.in(Duration.ofSeconds(10)), trace::add))
                    .hasMessageContaining("TLS handshake failed");
            assertThatThrownBy(() -> new TokenSource(toWrongHost, trusting).token("pop3", Duration.ofSeconds(5),
                    Deadline.in(Duration.ofSeconds(10)), trace::add))
                    .hasMessageContaining("TLS handshake failed");
            assertThat(new TokenSource(toWrongHost, nameBlind).token("pop3", Duration.ofSeconds(5),
                    Deadline.in(Duration.ofSeconds(10)), trace::add).fetched()).isPresent();
        }
    }
}
