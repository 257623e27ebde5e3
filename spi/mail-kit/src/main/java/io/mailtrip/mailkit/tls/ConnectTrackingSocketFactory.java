package io.mailtrip.mailkit.tls;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * Plain sockets that remember whether the TCP connect succeeded (Commons Net connects, does implicit
 * TLS and reads the greeting in one call; this tells a refused connect from a silent server) and that
 * send without Nagle's delay: a command written in two segments would otherwise wait for the server's
 * delayed ACK (40 ms on Linux), and the sensor would report that wait as the server's response time.
 */
public final class ConnectTrackingSocketFactory extends SocketFactory {

    private volatile boolean connected;

    public boolean connected() {
        return connected;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                super.connect(endpoint, timeout);
                connected = true;
            }
        };
        socket.setTcpNoDelay(true);
        return socket;
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
