package io.mailtrip.mailkit.oauth2;

import io.mailtrip.spi.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two SASL mechanisms that carry an OAuth 2.0 bearer token: {@code OAUTHBEARER} (RFC 7628) and the
 * older {@code XOAUTH2} (Google's, still the one some servers offer). Same strings for SMTP, POP3 and IMAP.
 */
public enum OAuth2Mechanism {
    OAUTHBEARER("OAUTHBEARER"), XOAUTH2("XOAUTH2");

    /** RFC 7628 section 3.1: the key/value separator, %x01. */
    private static final char KVSEP = '\u0001';

    private final String saslName;

    OAuth2Mechanism(String saslName) {
        this.saslName = saslName;
    }

    /** The name in {@code AUTH}/{@code AUTHENTICATE} and in capability lists. */
    public String saslName() {
        return saslName;
    }

    /**
     * The client's first message, base64-encoded.
     * OAUTHBEARER (RFC 7628 section 3.1): GS2 header {@code n,a=USER,} then {@code ^Ahost=H^Aport=P^Aauth=Bearer
     * TOKEN^A^A}; commas and equals signs in the user name are escaped as {@code =2C} and {@code =3D}
     * (RFC 5801 section 4). XOAUTH2: {@code user=USER^Aauth=Bearer TOKEN^A^A}.
     */
    public String initialResponse(String user, Secret token, String host, int port) {
        String message = switch (this) {
            case OAUTHBEARER -> "n,a=" + user.replace("=", "=3D").replace(",", "=2C") + "," + KVSEP
                    + "host=" + host + KVSEP + "port=" + port + KVSEP + "auth=Bearer " + token.reveal() + KVSEP + KVSEP;
            case XOAUTH2 -> "user=" + user + KVSEP + "auth=Bearer " + token.reveal() + KVSEP + KVSEP;
        };
        return Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer to the server's error challenge, base64-encoded: RFC 7628 section 3.2.3 requires a single
     * %x01 for OAUTHBEARER; XOAUTH2 servers expect an empty response.
     */
    public String errorAcknowledgement() {
        return this == OAUTHBEARER ? Base64.getEncoder().encodeToString(new byte[] {KVSEP}) : "";
    }

    /**
     * The mechanism to use: the configured one when the server offers it, else with {@code auto}
     * OAUTHBEARER (the standard) before XOAUTH2; empty when the server offers neither.
     *
     * @param offered the server's SASL mechanism names, any case
     */
    public static Optional<OAuth2Mechanism> choose(List<String> offered, OAuth2Settings.MechanismChoice configured) {
        List<String> upper = offered.stream().map(name -> name.toUpperCase(Locale.ROOT)).toList();
        List<OAuth2Mechanism> preference = switch (configured) {
            case AUTO -> List.of(OAUTHBEARER, XOAUTH2);
            case OAUTHBEARER -> List.of(OAUTHBEARER);
            case XOAUTH2 -> List.of(XOAUTH2);
        };
        return preference.stream().filter(m -> upper.contains(m.saslName)).findFirst();
    }
}
