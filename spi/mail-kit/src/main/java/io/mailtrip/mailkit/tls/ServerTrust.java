package io.mailtrip.mailkit.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The sensor's trust manager as a TLS client hands it to JSSE: it accepts what the sensor's trust manager
 * accepts, may first hand each server chain to the run's {@link CertificatesSeen}, and refuses client chains
 * (a sensor is never a TLS server). Extended, so that JSSE does not wrap it with rules of its own: a plain
 * {@link X509TrustManager} gets JSSE's host-name check whenever the connection asks for one.
 */
final class ServerTrust extends X509ExtendedTrustManager {

    /** One check of the extended trust manager that carries the connection (socket or engine). */
    @FunctionalInterface
    private interface ConnectionCheck {
        void check(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private final X509TrustManager delegate;
    private final CertificatesSeen seen;
    private final boolean passConnection;

    private ServerTrust(X509TrustManager delegate, CertificatesSeen seen, boolean passConnection) {
        this.delegate = delegate;
        this.seen = seen;
        this.passConnection = passConnection;
    }

    /**
     * Hands each server chain to {@code seen}, then checks it with the connection, so that JSSE's host-name
     * check keeps running inside the delegate when the connection asks for it (verifyHostname).
     */
    static ServerTrust recording(X509TrustManager delegate, CertificatesSeen seen) {
        return new ServerTrust(delegate, seen, true);
    }

    /** Checks the chain and drops the socket/engine, which is where JSSE checks the host name. */
    static ServerTrust chainOnly(X509TrustManager delegate) {
        return new ServerTrust(delegate, null, false);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServer(chain, authType, manager -> manager.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServer(chain, authType, manager -> manager.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServer(chain, authType, null);
    }

    private void checkServer(X509Certificate[] chain, String authType, ConnectionCheck withConnection)
            throws CertificateException {
        if (seen != null) {
            seen.saw(chain);
        }
        if (passConnection && withConnection != null && delegate instanceof X509ExtendedTrustManager extended) {
            withConnection.check(extended);
        } else {
            delegate.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a sensor is never a TLS server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
