package io.mailtrip.mailkit.oauth2;

import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The access tokens of one sensor instance: fetched from the token endpoint when needed, cached until
 * {@code expires_in} minus a margin, forgotten when a server refused one. A refresh token the server
 * rotates (RFC 6749 section 6) replaces the configured one for the instance's next runs; a host that keeps
 * nothing between runs ({@link #hostKeepsNoState()}) loses it, and {@link #notice()} says so.
 * A failing request is a {@link PhaseFailure} of phase {@code oauth2}.
 */
public final class TokenSource {

    public static final String PHASE = "oauth2";
    /** Renew this long before the token expires, so it does not expire between fetch and login. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    private final OAuth2Settings settings;
    private final TokenEndpoint endpoint;
    private final LongSupplier nanoTime;
    private Optional<Secret> refreshToken;
    private Secret cached;
    private long cachedUntilNanos;
    private boolean rotated;
    private boolean hostKeepsNoState;
    private final java.util.List<String> fetchedThisRun = new java.util.ArrayList<>();

    public TokenSource(OAuth2Settings settings, TlsTrust trust) {
        this(settings, new TokenEndpoint(trust.sslContext()), System::nanoTime);
    }

    TokenSource(OAuth2Settings settings, TokenEndpoint endpoint, LongSupplier nanoTime) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.nanoTime = nanoTime;
        this.refreshToken = settings.refreshToken();
    }

    /**
     * A token for one login: the configured one, the cached one, or a fresh one (the request is bounded by
     * min(time left, {@code timeout}), the timeout of the leg that needs it).
     *
     * @param leg   the leg that needs it ({@code smtp}), named in failures and the trace
     * @param trace where the request and its duration are noted
     */
    public synchronized OAuth2Token token(String leg, Duration timeout, Deadline deadline, Consumer<String> trace)
            throws PhaseFailure, InterruptedException {
        if (settings.grant() == OAuth2Settings.Grant.ACCESS_TOKEN) {
            return new OAuth2Token(settings.accessToken().orElseThrow(), Optional.empty());
        }
        long now = nanoTime.getAsLong();
        if (cached != null && now - cachedUntilNanos < 0) {
            trace.accept("oauth2 token for " + leg + ": cached, valid for "
                    + Duration.ofNanos(cachedUntilNanos - now).toSeconds() + " s more");
            return new OAuth2Token(cached, Optional.empty());
        }
        cached = null;
        URI url = settings.tokenUrl().orElseThrow();
        String where = "OAUTH2 " + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + " token request (" + settings.grant().grantType() + ", for " + leg.toUpperCase(Locale.ROOT) + "): ";
        if (deadline.expired()) {
            throw new PhaseFailure(PHASE, where + "run deadline reached in phase " + PHASE);
        }
        long start = nanoTime.getAsLong();
        TokenEndpoint.Granted granted;
        try {
            granted = endpoint.request(settings, refreshToken, deadline.cap(timeout));
        } catch (TokenEndpoint.Failure e) {
            trace.accept("oauth2 token request for " + leg + " failed after " + millis(nanoTime.getAsLong() - start));
            throw new PhaseFailure(PHASE, where + e.getMessage());
        }
        long took = nanoTime.getAsLong() - start;
        if (granted.refreshToken().isPresent() && settings.grant() == OAuth2Settings.Grant.REFRESH_TOKEN
                && !granted.refreshToken().get().reveal().equals(refreshToken.map(Secret::reveal).orElse(""))) {
            refreshToken = granted.refreshToken();
            rotated = true;
        }
        granted.expiresIn().ifPresent(expires -> {
            cached = granted.accessToken();
            Duration margin = expires.compareTo(MARGIN.multipliedBy(2)) < 0 ? expires.dividedBy(2) : MARGIN;
            cachedUntilNanos = start + expires.minus(margin).toNanos();
        });
        fetchedThisRun.add(String.format(Locale.ROOT, "OAuth 2.0 token for %s in %s", leg.toUpperCase(Locale.ROOT),
                millis(took)));
        trace.accept("oauth2 token for " + leg + ": POST " + url.getHost() + url.getRawPath() + " answered in "
                + millis(took) + granted.expiresIn().map(e -> ", expires in " + e.toSeconds() + " s").orElse(
                ", no expires_in: not cached"));
        return new OAuth2Token(granted.accessToken(), Optional.of(Duration.ofNanos(took)));
    }

    /** The SASL mechanism setting. */
    public OAuth2Settings.MechanismChoice mechanism() {
        return settings.mechanism();
    }

    /** Starts a run: {@link #fetchedThisRun()} is empty again. */
    public synchronized void startRun() {
        fetchedThisRun.clear();
    }

    /** The token requests of this run with their durations ("OAuth 2.0 token for SMTP in 41.3 ms"). */
    public synchronized java.util.List<String> fetchedThisRun() {
        return java.util.List.copyOf(fetchedThisRun);
    }

    /** A server refused the token: the next login asks for a new one. */
    public synchronized void forget() {
        cached = null;
    }

    /** See {@link io.mailtrip.spi.Sensor#hostKeepsNoState()}. */
    public synchronized void hostKeepsNoState() {
        hostKeepsNoState = true;
    }

    /** What the result should say about the token source, e.g. that a rotated refresh token will be lost. */
    public synchronized Optional<String> notice() {
        if (rotated && hostKeepsNoState) {
            return Optional.of("the token endpoint issued a new refresh token, which this host cannot keep (it keeps"
                    + " no state between runs); the next run uses the configured oauth2RefreshToken again");
        }
        return Optional.empty();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
