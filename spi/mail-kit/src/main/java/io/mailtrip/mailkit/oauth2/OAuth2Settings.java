package io.mailtrip.mailkit.oauth2;

import io.mailtrip.mailkit.settings.Choice;
import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.spi.Secret;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingKey;
import io.mailtrip.spi.SettingRule;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.Visibility;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth 2.0 token source of a sensor instance, declared once for every mail sensor (section
 * {@code oauth2}), visible only when one of the sensor's legs uses {@code oauth2}: one grant, its token URL,
 * client and secrets, and the SASL mechanism. The user name is the leg's own user setting.
 *
 * @param grant        how the access token is obtained
 * @param tokenUrl     the token endpoint (RFC 6749 section 3.2); empty for {@code accessToken}
 * @param clientId     the registered client (section 2.2); empty for {@code accessToken}
 * @param clientSecret the client's secret (section 2.3.1), if it has one
 * @param scope        the requested scope (section 3.3), if any
 * @param refreshToken the refresh token of {@code refreshToken} (section 6)
 * @param accessToken  the token of {@code accessToken}, obtained elsewhere
 * @param mechanism    {@code auto}, {@code oauthbearer} or {@code xoauth2}
 */
public record OAuth2Settings(Grant grant, Optional<URI> tokenUrl, Optional<String> clientId,
                             Optional<Secret> clientSecret, Optional<String> scope, Optional<Secret> refreshToken,
                             Optional<Secret> accessToken, MechanismChoice mechanism) {

    public static final String SECTION = "oauth2";
    /** The value of {@code smtpAuth}, {@code pop3Auth} and {@code imapAuth} that uses this section. */
    public static final String AUTH_VALUE = "oauth2";

    public static final SettingKey<Grant> GRANT = MailSettings.choice("oauth2Grant", Grant.class);
    public static final SettingKey<String> TOKEN_URL = SettingKey.text("oauth2TokenUrl", SettingType.STRING);
    public static final SettingKey<String> CLIENT_ID = SettingKey.text("oauth2ClientId", SettingType.STRING);
    public static final SettingKey<Secret> CLIENT_SECRET = SettingKey.secret("oauth2ClientSecret");
    public static final SettingKey<String> SCOPE = SettingKey.text("oauth2Scope", SettingType.STRING);
    public static final SettingKey<Secret> REFRESH_TOKEN = SettingKey.secret("oauth2RefreshToken");
    public static final SettingKey<Secret> ACCESS_TOKEN = SettingKey.secret("oauth2AccessToken");
    public static final SettingKey<MechanismChoice> MECHANISM = MailSettings.choice("oauth2Mechanism",
            MechanismChoice.class);

    /** {@code oauth2Grant}. */
    public enum Grant implements Choice {
        CLIENT_CREDENTIALS("client_credentials"), REFRESH_TOKEN("refresh_token"), ACCESS_TOKEN("");

        private final String grantType;

        Grant(String grantType) {
            this.grantType = grantType;
        }

        /** The {@code grant_type} form value. */
        public String grantType() {
            return grantType;
        }
    }

    /** {@code oauth2Mechanism}. */
    public enum MechanismChoice implements Choice {
        AUTO, OAUTHBEARER, XOAUTH2
    }

    /**
     * Section {@code oauth2}.
     *
     * @param legAuthKeys the sensor's leg auth settings ({@code smtpAuth}, {@code pop3Auth}); the section
     *                    applies when any of them is {@code oauth2}
     */
    public static SettingSection section(String... legAuthKeys) {
        Visibility used = Visibility.when(legAuthKeys[0], AUTH_VALUE);
        for (int i = 1; i < legAuthKeys.length; i++) {
            used = used.or(legAuthKeys[i], AUTH_VALUE);
        }
        SettingDescriptor.Builder grant = MailSettings.options(GRANT.describe(), Map.of(
                        Grant.CLIENT_CREDENTIALS, "Client credentials (RFC 6749 section 4.4)",
                        Grant.REFRESH_TOKEN, "Refresh token (RFC 6749 section 6)",
                        Grant.ACCESS_TOKEN, "Access token obtained elsewhere")).section(SECTION)
                .label("OAuth 2.0 grant")
                .help("How the access token is obtained: clientCredentials (the app's own permission, e.g."
                        + " Microsoft 365), refreshToken (a user's consent, e.g. Google), or accessToken (a token"
                        + " obtained elsewhere, e.g. read from a file an agent keeps fresh).");
        SettingDescriptor.Builder mechanism = MailSettings.options(MECHANISM.describe(), Map.of(
                        MechanismChoice.AUTO, "Automatic (OAUTHBEARER, else XOAUTH2)",
                        MechanismChoice.OAUTHBEARER, "OAUTHBEARER (RFC 7628)", MechanismChoice.XOAUTH2, "XOAUTH2"))
                .section(SECTION).label("SASL mechanism")
                .help("auto picks OAUTHBEARER when the server offers it, else XOAUTH2.");
        String fetched = Grant.CLIENT_CREDENTIALS.key();
        String refreshed = Grant.REFRESH_TOKEN.key();
        // Order matters to hosts: a text setting directly followed by a secret is one credential in Jenkins
        // (client id + client secret); the tokens stay secrets of their own.
        return new SettingSection(SECTION, "OAuth 2.0", java.util.List.of(
                grant.defaultValue(fetched).required().visibleWhen(used).build(),
                TOKEN_URL.describe().section(SECTION).label("Token URL")
                        .help("The token endpoint (RFC 6749 section 3.2), https; http only to a loopback address."
                                + " Its certificate is checked with trustStore and verifyHostname like the mail servers.")
                        .required().rule(tokenUrlRule()).visibleWhen(GRANT.name(), fetched, refreshed).build(),
                CLIENT_ID.describe().section(SECTION).label("Client ID")
                        .help("The application (client) id registered with the provider.").required()
                        .rule(printable("a client id", false)).visibleWhen(GRANT.name(), fetched, refreshed).build(),
                CLIENT_SECRET.describe().section(SECTION).label("Client secret")
                        .help("The client's secret; required for clientCredentials; never printed or stored.")
                        .visibleWhen(GRANT.name(), fetched, refreshed).build(),
                REFRESH_TOKEN.describe().section(SECTION).label("Refresh token")
                        .help("The refresh token the user's consent gave; never printed or stored. A token the server"
                                + " rotates is kept in memory by hosts that keep running (runner, Jenkins).")
                        .required().visibleWhen(GRANT.name(), refreshed).build(),
                ACCESS_TOKEN.describe().section(SECTION).label("Access token")
                        .help("A bearer token obtained elsewhere, sent as it is; never printed or stored.")
                        .required().visibleWhen(GRANT.name(), Grant.ACCESS_TOKEN.key()).build(),
                SCOPE.describe().section(SECTION).label("Scope")
                        .help("Scopes to ask for, separated by spaces (RFC 6749 section 3.3), e.g."
                                + " https://outlook.office365.com/.default.")
                        .rule(printable("a scope", true)).visibleWhen(GRANT.name(), fetched, refreshed).build(),
                mechanism.defaultValue(MechanismChoice.AUTO.key()).visibleWhen(used).build()));
    }

    /**
     * The token source of validated settings, or empty when no leg uses oauth2.
     *
     * @throws ConfigurationException when clientCredentials has no client secret
     */
    public static Optional<OAuth2Settings> from(Settings settings) {
        Optional<Grant> grant = settings.optional(GRANT);
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        Optional<Secret> clientSecret = settings.optional(CLIENT_SECRET);
        if (grant.get() == Grant.CLIENT_CREDENTIALS && clientSecret.isEmpty()) {
            throw new ConfigurationException(CLIENT_SECRET.name(), "is required when " + GRANT.name() + " = "
                    + Grant.CLIENT_CREDENTIALS.key() + " (the client authenticates with it, RFC 6749 section 4.4.2)");
        }
        return Optional.of(new OAuth2Settings(grant.get(), settings.optional(TOKEN_URL).map(URI::create),
                settings.optional(CLIENT_ID), clientSecret, settings.optional(SCOPE),
                settings.optional(REFRESH_TOKEN), settings.optional(ACCESS_TOKEN), settings.get(MECHANISM)));
    }

    /** https, or http to a loopback address; a host; no user info, no fragment (RFC 6749 section 3.2). */
    static SettingRule tokenUrlRule() {
        return new SettingRule() {
            @Override
            public String describe() {
                return "an https URL (http only to 127.0.0.1, ::1 or localhost)";
            }

            @Override
            public Optional<String> violation(String value) {
                URI uri;
                try {
                    uri = new URI(value);
                } catch (URISyntaxException e) {
                    return Optional.of("is not a URL (like https://login.example.org/oauth2/token)");
                }
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                    return Optional.of("is not an absolute http(s) URL with a host"
                            + " (like https://login.example.org/oauth2/token)");
                }
                if (uri.getRawUserInfo() != null) {
                    return Optional.of("must not carry a user or password; use oauth2ClientId and oauth2ClientSecret");
                }
                if (uri.getRawFragment() != null) {
                    return Optional.of("must not have a fragment (#...), RFC 6749 section 3.2");
                }
                if (scheme.equals("http") && !loopback(uri.getHost())) {
                    return Optional.of("must use https: the client secret and tokens travel in it"
                            + " (http is allowed only to 127.0.0.1, ::1 or localhost)");
                }
                return Optional.empty();
            }
        };
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    /**
     * RFC 6749 appendix A: a client id is VSCHAR (printable ASCII); a scope is scope-tokens of
     * %x21 / %x23-5B / %x5D-7E separated by single spaces.
     */
    static SettingRule printable(String what, boolean scope) {
        return new SettingRule() {
            @Override
            public String describe() {
                return scope ? "space-separated scope tokens (RFC 6749 section 3.3)" : "printable ASCII";
            }

            @Override
            public Optional<String> violation(String value) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    boolean ok = scope ? (c == ' ' || (c >= 0x21 && c <= 0x7e && c != '"' && c != '\\'))
                            : (c >= 0x20 && c <= 0x7e);
                    if (!ok) {
                        return Optional.of("has a character that " + what + " cannot hold at position " + (i + 1)
                                + (scope ? " (RFC 6749 section 3.3: printable ASCII except \" and \\)"
                                : " (RFC 6749 appendix A: printable ASCII)"));
                    }
                }
                if (scope && (value.startsWith(" ") || value.endsWith(" ") || value.contains("  "))) {
                    return Optional.of("must separate scopes by single spaces (RFC 6749 section 3.3)");
                }
                return Optional.empty();
            }
        };
    }
}
