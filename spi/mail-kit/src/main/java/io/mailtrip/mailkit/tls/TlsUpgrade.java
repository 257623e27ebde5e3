package io.mailtrip.mailkit.tls;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PhaseFailure;

import java.io.IOException;
import java.util.function.Supplier;

import org.apache.commons.net.SocketClient;

/**
 * The in-band TLS upgrade after the greeting, one algorithm for every protocol: SMTP {@code STARTTLS}
 * (RFC 3207), POP3 {@code STLS} (RFC 2595 section 4) and IMAP {@code STARTTLS} (RFC 9051 section
 * 6.2.1). Offered: send it, and a refusal or a failed handshake is DOWN (never a silent fallback,
 * which an attacker could force by dropping the reply). Not offered: the enforce mode fails before
 * anything else is sent in clear (no AUTH, no envelope, not even QUIT); the if-available mode goes on in
 * clear and says so in the trace. After a successful upgrade the caller must discard what it learnt
 * before TLS and ask for capabilities again (RFC 3207 section 4.2, RFC 2595 section 4, RFC 9051
 * section 6.2.1).
 */
public final class TlsUpgrade {

    /** The protocol's upgrade command: true when the server accepted it and the handshake succeeded. */
    @FunctionalInterface
    public interface Command {
        boolean execute() throws IOException;
    }

    private TlsUpgrade() {
    }

    /**
     * @param verb        {@code STARTTLS} or {@code STLS}, also the step name in failures
     * @param securityKey the setting that chose the mode ({@code smtpSecurity}), named in messages
     * @param offered     whether the server's capabilities (EHLO, CAPA, CAPABILITY) list the verb
     * @param command     sends the verb and, on a positive reply, handshakes
     * @param lastReply   the server's last reply, quoted (cleaned) when it refused
     * @return whether the session is now under TLS
     */
    public static boolean upgrade(Leg leg, SocketClient client, String verb, String securityKey, boolean offered,
                                  Command command, Supplier<String> lastReply) throws IOException, PhaseFailure {
        leg.step(verb);
        TlsMode mode = leg.endpoint().tls();
        if (!offered) {
            if (mode.enforced()) {
                throw leg.fail("server does not offer " + verb + " (" + securityKey + "=" + mode.key()
                        + "); nothing sent in clear");
            }
            leg.trace().note("server does not offer " + verb + "; continuing in clear (" + securityKey + "="
                    + mode.key() + ")");
            return false;
        }
        leg.arm(client);
        if (!command.execute()) {
            throw leg.fail(verb + " refused: " + OneLine.of(lastReply.get(), 100));
        }
        leg.trace().note("TLS established");
        return true;
    }
}
