package io.mailtrip.mailkit.tls;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.NetworkFailure;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.Watchdog;

import java.io.IOException;
import java.util.function.Function;

import org.apache.commons.net.SocketClient;

/**
 * Opens a leg's connection in the mode it asks for. Implicit modes handshake right after the TCP
 * connect; {@code tlsIfAvailable} falls back to a fresh plain connection only when the server
 * answers the ClientHello with plain text (it does not speak TLS on that port), never on a
 * certificate or handshake failure, which would let an attacker force a downgrade. Upgrades after the
 * greeting (STARTTLS, STLS) are {@link TlsUpgrade}'s.
 *
 * @param <C> the Commons Net client type
 */
public final class TlsConnector<C extends SocketClient> {

    /** An open client and whether it is already under TLS. */
    public record Connected<C>(C client, boolean encrypted) {
    }

    private final Leg leg;
    private final String securityKey;
    private final Function<Boolean, C> factory;

    /**
     * @param securityKey the setting that chose the mode ({@code smtpSecurity}), for the trace
     * @param factory     makes a client, implicit TLS or not, with trust, limits and trace attached
     */
    public TlsConnector(Leg leg, String securityKey, Function<Boolean, C> factory) {
        this.leg = leg;
        this.securityKey = securityKey;
        this.factory = factory;
    }

    /** Connects and reads the greeting; the leg's step names the part that failed. */
    public Connected<C> connect() throws PhaseFailure {
        TlsMode mode = leg.endpoint().tls();
        try {
            return attempt(mode.implicit());
        } catch (IOException e) {
            if (mode.implicit() && !mode.enforced() && NetworkFailure.peerSpeaksNoTls(e) && !leg.watchdog().fired()) {
                leg.trace().note("server does not speak TLS on this port; reconnecting in clear ("
                        + securityKey + "=" + mode.key() + ")");
                try {
                    return attempt(false);
                } catch (IOException plain) {
                    throw leg.failure(plain);
                }
            }
            throw leg.failure(e);
        }
    }

    /** One connection attempt; on failure the client is closed and the step names what was reached. */
    private Connected<C> attempt(boolean implicit) throws IOException, PhaseFailure {
        C client = factory.apply(implicit);
        ConnectTrackingSocketFactory sockets = new ConnectTrackingSocketFactory(leg.watchdog().input(),
                leg.endpoint().family());
        try {
            open(client, sockets);
            return new Connected<>(client, implicit);
        } catch (IOException | RuntimeException e) {
            leg.step(stepReached(sockets, implicit));
            Watchdog.closeQuietly(client);
            if (e instanceof IOException io) {
                throw io;
            }
            throw failure(e);
        }
    }

    private PhaseFailure failure(Exception e) {
        // Commons Net throws NullPointerException when the watchdog closed the socket under it.
        if (leg.watchdog().fired()) {
            return leg.deadlineReached();
        }
        throw (RuntimeException) e;
    }

    /** Commons Net connects, handshakes and reads the greeting in one call; say which part failed. */
    private static String stepReached(ConnectTrackingSocketFactory sockets, boolean implicit) {
        if (!sockets.connected()) {
            return "connect";
        }
        return implicit ? "TLS handshake or greeting" : "greeting";
    }

    private void open(C client, ConnectTrackingSocketFactory sockets) throws IOException {
        leg.step("connect");
        int wait = leg.waitMillis();
        client.setSocketFactory(sockets);
        client.setConnectTimeout(wait);
        // SO_TIMEOUT before connect: it also bounds the implicit TLS handshake and the greeting.
        client.setDefaultTimeout(wait);
        leg.watchdog().watch(client);
        client.connect(leg.endpoint().connectHost(), leg.endpoint().port());
    }
}
