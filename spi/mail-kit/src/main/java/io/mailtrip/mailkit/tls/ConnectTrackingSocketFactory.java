package io.mailtrip.mailkit.tls;

import io.mailtrip.mailkit.AddressFamily;
import io.mailtrip.mailkit.PeerInput;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;

/**
 * Plain sockets that remember whether the TCP connect succeeded (Commons Net connects, does implicit
 * TLS and reads the greeting in one call; this tells a refused connect from a silent server), that
 * send without Nagle's delay (a command written in two segments would otherwise wait for the server's
 * delayed ACK, 40 ms on Linux, and the sensor would report that wait as the server's response time),
 * whose input is metered by the run's {@link PeerInput} where bytes enter, and that connect only to
 * addresses of the leg's {@link AddressFamily} ({@code -4}/{@code -6}).
 */
public final class ConnectTrackingSocketFactory extends SocketFactory {

    private final PeerInput input;
    private final AddressFamily family;
    private volatile boolean connected;

    /** Unmetered sockets of any address family. */
    public ConnectTrackingSocketFactory() {
        this(null, AddressFamily.ANY);
    }

    /**
     * @param input  the run's meter, or null for none
     * @param family the IP version the sockets connect with
     */
    public ConnectTrackingSocketFactory(PeerInput input, AddressFamily family) {
        this.input = input;
        this.family = family;
    }

    public boolean connected() {
        return connected;
    }

    /** TLS is layered over {@code socket}: its own stream stops counting (the TLS socket's counts). */
    static void layered(Socket socket) {
        if (socket instanceof Tracked tracked) {
            tracked.bypass();
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Tracked();
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** A plain socket that marks the connect and meters its input. */
    private final class Tracked extends Socket {
        private PeerInput.MeteredStream metered;
        private boolean bypassed;

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(inFamily(endpoint), timeout);
            connected = true;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                return super.getInputStream();
            }
            if (metered == null) {
                metered = input.meter(super.getInputStream());
                if (bypassed) {
                    metered.bypass();
                }
            }
            return metered;
        }

        synchronized void bypass() {
            bypassed = true;
            if (metered != null) {
                metered.bypass();
            }
        }
    }

    // Commons Net calls createSocket() and then connect(address, timeout); the forms below complete the
    // factory contract for other callers.

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    /**
     * Commons Net resolves the name to its first address; with a family forced, the first address of that
     * family instead (the name stays Commons Net's, for SNI and the host-name check).
     */
    private SocketAddress inFamily(SocketAddress endpoint) throws UnknownHostException {
        if (family == AddressFamily.ANY || !(endpoint instanceof InetSocketAddress remote)
                || remote.getAddress() == null || family.allows(remote.getAddress())) {
            return endpoint;
        }
        for (InetAddress candidate : InetAddress.getAllByName(remote.getHostString())) {
            if (family.allows(candidate)) {
                return new InetSocketAddress(candidate, remote.getPort());
            }
        }
        throw new UnknownHostException(remote.getHostString() + " has no address of family " + family.key());
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }
}
