package io.mailtrip.mailkit.tls;

import io.mailtrip.mailkit.PeerInput;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;

/**
 * An initialised SSL context whose client sockets meter their decrypted input ({@link MeteredSslSocket}).
 * Commons Net builds its TLS sockets from the context it is given, layered over the plain socket
 * (implicit TLS right after connect, STARTTLS/STLS later); this is where the limits can see plain text.
 * The JSSE context behind it is made at the first use, so a leg that stays in clear text never loads
 * JSSE or the trust store (issue 16); its provider is therefore not known up front (null).
 */
final class MeteredSslContext extends SSLContext {

    MeteredSslContext(TlsTrust trust, PeerInput input) {
        super(new Spi(trust, input), null, "TLS");
    }

    private static final class Spi extends SSLContextSpi {
        private final TlsTrust trust;
        private final PeerInput input;
        private SSLContext context;

        Spi(TlsTrust trust, PeerInput input) {
            this.trust = trust;
            this.input = input;
        }

        private synchronized SSLContext real() {
            if (context == null) {
                context = trust.initialisedContext();
            }
            return context;
        }

        @Override
        protected void engineInit(javax.net.ssl.KeyManager[] km, javax.net.ssl.TrustManager[] tm, SecureRandom sr)
                throws KeyManagementException {
            throw new KeyManagementException("already initialised by TlsTrust");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new Factory(real().getSocketFactory(), input);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }
    }

    private static final class Factory extends SSLSocketFactory {
        private final SSLSocketFactory real;
        private final PeerInput input;

        Factory(SSLSocketFactory real, PeerInput input) {
            this.real = real;
            this.input = input;
        }

        private Socket metered(Socket socket) {
            return new MeteredSslSocket((SSLSocket) socket, input);
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            Socket layered = real.createSocket(socket, host, port, autoClose);
            ConnectTrackingSocketFactory.layered(socket);
            return metered(layered);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return real.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return real.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return metered(real.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return metered(real.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return metered(real.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return metered(real.createSocket(address, port, localAddress, localPort));
        }
    }
}
