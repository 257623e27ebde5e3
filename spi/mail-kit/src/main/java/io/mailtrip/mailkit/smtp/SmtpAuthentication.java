package io.mailtrip.mailkit.smtp;

import io.mailtrip.mailkit.Credentials;
import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PhaseFailure;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.commons.net.smtp.AuthenticatingSMTPClient.AUTH_METHOD;

/** SMTP AUTH (RFC 4954) with the mechanism chosen from the EHLO {@code AUTH} line. */
public final class SmtpAuthentication {

    private SmtpAuthentication() {
    }

    /**
     * The mechanism to use, or empty when the server offers none that fits.
     *
     * @param configured the smtpAuthMechanism setting
     * @param encrypted  whether the session is under TLS: in clear, auto prefers CRAM-MD5, which
     *                   never sends the password
     */
    public static Optional<AUTH_METHOD> choose(List<String> ehloLines, SmtpAuthMechanism configured,
                                               boolean encrypted) {
        List<String> offered = offered(ehloLines);
        List<AUTH_METHOD> preference = switch (configured) {
            case PLAIN -> List.of(AUTH_METHOD.PLAIN);
            case LOGIN -> List.of(AUTH_METHOD.LOGIN);
            case CRAM_MD5 -> List.of(AUTH_METHOD.CRAM_MD5);
            case AUTO -> encrypted ? List.of(AUTH_METHOD.PLAIN, AUTH_METHOD.LOGIN, AUTH_METHOD.CRAM_MD5)
                    : List.of(AUTH_METHOD.CRAM_MD5, AUTH_METHOD.PLAIN, AUTH_METHOD.LOGIN);
        };
        return preference.stream().filter(m -> offered.contains(AUTH_METHOD.getAuthName(m))).findFirst();
    }

    /** Mechanism names from the {@code 250-AUTH ...} (or old {@code AUTH=}) EHLO lines. */
    public static List<String> offered(List<String> ehloLines) {
        return ehloLines.stream()
                .map(line -> line.length() > 4 ? line.substring(4).strip().toUpperCase(Locale.ROOT) : "")
                .filter(line -> line.startsWith("AUTH ") || line.startsWith("AUTH="))
                .flatMap(line -> Arrays.stream(line.substring(5).split("\\s+")))
                .distinct().toList();
    }

    /** Chooses the mechanism and logs in (step {@code AUTH <mechanism>}); fails naming what was offered. */
    static void authenticate(Leg leg, AuthenticatingSMTPClient client, List<String> capabilities, SmtpLeg config,
                             boolean encrypted) throws IOException, PhaseFailure {
        leg.step("AUTH");
        Optional<AUTH_METHOD> method = choose(capabilities, config.mechanism(), encrypted);
        if (method.isEmpty()) {
            List<String> offered = offered(capabilities);
            throw leg.fail("server offers no usable AUTH mechanism (offered: "
                    + (offered.isEmpty() ? "none" : OneLine.of(String.join(" ", offered), 100))
                    + ", smtpAuthMechanism=" + config.mechanism().key() + ")");
        }
        Credentials credentials = config.auth().orElseThrow();
        leg.step("AUTH " + AUTH_METHOD.getAuthName(method.get()), client);
        if (!login(client, method.get(), credentials)) {
            throw leg.fail("authentication failed for user " + credentials.user() + ": "
                    + OneLine.of(client.getReplyString(), 100));
        }
    }

    /** Runs the exchange; true when the server answered 235. */
    static boolean login(AuthenticatingSMTPClient client, AUTH_METHOD method, Credentials credentials)
            throws IOException {
        try {
            client.auth(method, credentials.user(), credentials.password().reveal());
        } catch (GeneralSecurityException e) {
            throw new IOException("CRAM-MD5 is not available in this JVM: " + e.getMessage(), e);
        }
        // Read the reply code ourselves: auth()'s boolean is wrong for some mechanisms (Commons Net 3.13).
        return client.getReplyCode() == 235;
    }
}
