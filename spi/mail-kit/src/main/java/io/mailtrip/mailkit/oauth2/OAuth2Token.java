package io.mailtrip.mailkit.oauth2;

import io.mailtrip.spi.Secret;

import java.time.Duration;
import java.util.Optional;

/**
 * An access token for one login.
 *
 * @param value   the bearer token; only the SASL message reads it
 * @param fetched how long the token request took, when this run had to ask the endpoint; empty when the
 *                token came from the cache or from {@code oauth2AccessToken}
 */
public record OAuth2Token(Secret value, Optional<Duration> fetched) {
}
