package io.mailtrip.sensor.smtpimap;

import io.mailtrip.spi.Deadline;

import java.io.IOException;
import java.util.function.Function;

import org.apache.commons.net.SocketClient;

/**
 * Opens a connection in the mode the leg asks for. Implicit modes handshake right after the TCP
 * connect; {@code tlsIfAvailable} falls back to a fresh plain connection only when the server
 * answers the ClientHello with plain text (it does not speak TLS on that port), never on a
 * certificate or handshake failure, which would let an attacker force a downgrade.
 *
 * @param <C> the Commons Net client type
 */
final class TlsConnector<C extends SocketClient> {

    /** An open client and whether it is already under TLS. */
    record Connected<C>(C client, boolean encrypted) {
    }

    private final String phase;
    private final Endpoint endpoint;
    private final ProtocolTrace trace;
    private final Watchdog watchdog;
    private final Deadline deadline;
    private final Function<Boolean, C> factory;

    /** @param factory makes a client, implicit TLS or not, with trust and trace attached */
    TlsConnector(String phase, Endpoint endpoint, ProtocolTrace trace, Watchdog watchdog, Deadline deadline,
                 Function<Boolean, C> factory) {
        this.phase = phase;
        this.endpoint = endpoint;
        this.trace = trace;
        this.watchdog = watchdog;
        this.deadline = deadline;
        this.factory = factory;
    }

    Connected<C> connect() throws PhaseFailure {
        boolean implicit = endpoint.tls().implicit();
        C client = factory.apply(implicit);
        ConnectTrackingSocketFactory sockets = new ConnectTrackingSocketFactory();
        try {
            open(client, sockets);
            return new Connected<>(client, implicit);
        } catch (IOException e) {
            String step = stepReached(sockets, implicit);
            Watchdog.closeQuietly(client);
            if (implicit && !endpoint.tls().enforced() && NetworkFailure.peerSpeaksNoTls(e) && !watchdog.fired()) {
                trace.note("server does not speak TLS on this port; reconnecting in clear ("
                        + phase + "Security=" + endpoint.tls().key() + ")");
                return connectPlain();
            }
            throw NetworkFailure.of(phase, endpoint, step, e, watchdog);
        }
    }

    private Connected<C> connectPlain() throws PhaseFailure {
        C client = factory.apply(false);
        ConnectTrackingSocketFactory sockets = new ConnectTrackingSocketFactory();
        try {
            open(client, sockets);
            return new Connected<>(client, false);
        } catch (IOException e) {
            String step = stepReached(sockets, false);
            Watchdog.closeQuietly(client);
            throw NetworkFailure.of(phase, endpoint, step, e, watchdog);
        }
    }

    /** Commons Net connects, handshakes and reads the greeting in one call; say which part failed. */
    private static String stepReached(ConnectTrackingSocketFactory sockets, boolean implicit) {
        if (!sockets.connected()) {
            return "connect";
        }
        return implicit ? "TLS handshake or greeting" : "greeting";
    }

    private void open(C client, ConnectTrackingSocketFactory sockets) throws IOException {
        int wait = deadline.capMillis(endpoint.timeout());
        client.setSocketFactory(sockets);
        client.setConnectTimeout(wait);
        // SO_TIMEOUT before connect: it also bounds the implicit TLS handshake and the greeting.
        client.setDefaultTimeout(wait);
        watchdog.watch(client);
        client.connect(endpoint.connectHost(), endpoint.port());
    }
}
