package io.mailtrip.mailkit.tls;

import io.mailtrip.mailkit.PeerInput;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * Plain sockets that remember whether the TCP connect succeeded (Commons Net connects, does implicit
 * TLS and reads the greeting in one call; this tells a refused connect from a silent server), that
 * send without Nagle's delay (a command written in two segments would otherwise wait for the server's
 * delayed ACK, 40 ms on Linux, and the sensor would report that wait as the server's response time),
 * and whose input is metered by the run's {@link PeerInput} where bytes enter.
 */
public final class ConnectTrackingSocketFactory extends SocketFactory {

    private final PeerInput input;
    private volatile boolean connected;

    /** Unmetered sockets. */
    public ConnectTrackingSocketFactory() {
        this(null);
    }

    /** @param input the run's meter, or null for none */
    public ConnectTrackingSocketFactory(PeerInput input) {
        this.input = input;
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
            super.connect(endpoint, timeout);
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

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }
}
