package io.mailtrip.sensor.smtpimap;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.commons.net.smtp.AuthenticatingSMTPClient.AUTH_METHOD;

/** SMTP AUTH (RFC 4954) with the mechanism chosen from the EHLO {@code AUTH} line. */
final class SmtpAuthentication {

    private SmtpAuthentication() {
    }

    /**
     * The mechanism to use, or empty when the server offers none that fits.
     *
     * @param configured {@code auto}, {@code plain}, {@code login} or {@code cramMd5}
     * @param encrypted  whether the session is under TLS: in clear, auto prefers CRAM-MD5, which
     *                   never sends the password
     */
    static Optional<AUTH_METHOD> choose(List<String> ehloLines, String configured, boolean encrypted) {
        List<String> offered = offered(ehloLines);
        List<AUTH_METHOD> preference = switch (configured) {
            case "plain" -> List.of(AUTH_METHOD.PLAIN);
            case "login" -> List.of(AUTH_METHOD.LOGIN);
            case "cramMd5" -> List.of(AUTH_METHOD.CRAM_MD5);
            default -> encrypted ? List.of(AUTH_METHOD.PLAIN, AUTH_METHOD.LOGIN, AUTH_METHOD.CRAM_MD5)
                    : List.of(AUTH_METHOD.CRAM_MD5, AUTH_METHOD.PLAIN, AUTH_METHOD.LOGIN);
        };
        return preference.stream().filter(m -> offered.contains(AUTH_METHOD.getAuthName(m))).findFirst();
    }

    /** Mechanism names from the {@code 250-AUTH ...} (or old {@code AUTH=}) EHLO lines. */
    static List<String> offered(List<String> ehloLines) {
        return ehloLines.stream()
                .map(line -> line.length() > 4 ? line.substring(4).strip().toUpperCase(Locale.ROOT) : "")
                .filter(line -> line.startsWith("AUTH ") || line.startsWith("AUTH="))
                .flatMap(line -> Arrays.stream(line.substring(5).split("\\s+")))
                .distinct().toList();
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
