package io.mailtrip.mailkit.tls;

import io.mailtrip.spi.ConfigurationException;
import io.mailtrip.mailkit.PeerInput;
import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.spi.Secret;
import io.mailtrip.spi.Settings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Optional;

import javax.net.ssl.X509ExtendedTrustManager;

import org.apache.commons.net.imap.IMAPSClient;
import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.commons.net.pop3.POP3SClient;

/**
 * Who the sensor trusts and whether it checks host names; applied to every TLS client it makes.
 * Commons Net leaves host-name checking off by default, so it is switched on here explicitly.
 */
public final class TlsTrust {

    private final boolean verifyHostname;
    /** The trust this one records for ({@link #recordingInto}), else null. */
    private final TlsTrust base;
    private final CertificatesSeen seen;
    /** Made at the first TLS use unless a trust store file was given (see {@link #load}). */
    private X509TrustManager trustManager;

    private TlsTrust(X509TrustManager trustManager, boolean verifyHostname) {
        this.trustManager = trustManager;
        this.verifyHostname = verifyHostname;
        this.base = null;
        this.seen = null;
    }

    private TlsTrust(TlsTrust base, CertificatesSeen seen) {
        this.verifyHostname = base.verifyHostname;
        this.base = base;
        this.seen = seen;
    }

    /**
     * Loads a given trust store once, when the sensor is created, so a bad file is a configuration error
     * rather than a DOWN on every run. The JDK's own trust store (no file given) is read at the first TLS
     * use instead: parsing its ~150 CA certificates and loading JSSE was a third of the CPU of a clear-text
     * Nagios check (issue 16).
     */
    public static TlsTrust load(Optional<Path> trustStore, Optional<Secret> password, boolean verifyHostname) {
        if (trustStore.isEmpty()) {
            return new TlsTrust((X509TrustManager) null, verifyHostname);
        }
        try {
            return new TlsTrust(managerFor(read(trustStore.get(), password)), verifyHostname);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("trustStore", "cannot be used: " + e.getMessage());
        }
    }

    /** @param store null for the JDK's default trust store */
    private static X509TrustManager managerFor(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new ConfigurationException("trustStore", "no X.509 trust manager available");
    }

    /** The trust manager, made on first use when it is the JDK's default or records a run's certificates. */
    private synchronized X509TrustManager trustManager() {
        if (trustManager == null) {
            if (base != null) {
                trustManager = ServerTrust.recording(base.trustManager(), seen);
            } else {
                try {
                    trustManager = managerFor(null);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the JDK's trust store cannot be used: " + e.getMessage(), e);
                }
            }
        }
        return trustManager;
    }

    /** The trust of {@link MailSettings#tls()}: trustStore, trustStorePassword, verifyHostname. */
    public static TlsTrust from(Settings settings) {
        return load(settings.optional(MailSettings.TRUST_STORE), settings.optional(MailSettings.TRUST_STORE_PASSWORD),
                settings.get(MailSettings.VERIFY_HOSTNAME));
    }

    private static KeyStore read(Path path, Optional<Secret> password) {
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new ConfigurationException("trustStore", "cannot read file " + path);
        }
        char[] pin = password.isPresent() ? password.get().reveal().toCharArray() : null;
        try {
            return KeyStore.getInstance(path.toFile(), pin);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigurationException("trustStorePassword", "wrong password for trust store " + path);
            }
            throw new ConfigurationException("trustStore", "cannot read " + path + " as PKCS12 or JKS: "
                    + e.getMessage());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigurationException("trustStore", "cannot read " + path + " as PKCS12 or JKS: "
                    + e.getMessage());
        }
    }

    /**
     * The same trust for an HTTPS client (the OAuth 2.0 token endpoint). The JDK HTTP client always asks
     * for host-name checking (endpoint identification HTTPS); with verifyHostname=false the trust manager
     * checks the chain only, like the mail legs.
     */
    public SSLContext sslContext() {
        X509TrustManager trusted = trustManager();
        X509ExtendedTrustManager manager = verifyHostname && trusted instanceof X509ExtendedTrustManager extended
                ? extended : ServerTrust.chainOnly(trusted);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * The same trust for one run, handing every server chain the run's handshakes see to {@code seen}
     * (the certificate-expiry channel).
     */
    public TlsTrust recordingInto(CertificatesSeen seen) {
        return new TlsTrust(this, seen);
    }

    /**
     * Host-name checking for an IMAP client made with {@link #context}, which already carries the trust: a
     * trust manager set on the client would be ignored, and making it here would load JSSE and the JDK's
     * trust store on a clear-text leg too (issue 16).
     */
    public void applyTo(IMAPSClient client) {
        client.setEndpointCheckingEnabled(verifyHostname);
    }

    /**
     * An SSL context with this trust whose sockets meter their decrypted input by {@code input}: give it
     * to the Commons Net client so the limits see what the server says under TLS too.
     */
    public SSLContext context(PeerInput input) {
        // JSSE is set up at the first TLS socket: a clear-text leg never loads it (issue 16).
        return new MeteredSslContext(this, input);
    }

    /** The JSSE context {@link MeteredSslContext} delegates to, made at its first TLS socket. */
    SSLContext initialisedContext() {
        try {
            SSLContext real = SSLContext.getInstance("TLS");
            real.init(null, new TrustManager[] {trustManager()}, null);
            return real;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * An SMTP client (SMTPS when {@code implicit}, else STARTTLS-capable) with this trust, host-name
     * checking, UTF-8 for AUTH (RFC 4954 user names and passwords), and {@code input} metering it.
     */
    public AuthenticatingSMTPClient smtpClient(boolean implicit, PeerInput input) {
        AuthenticatingSMTPClient client = new AuthenticatingSMTPClient(implicit, context(input));
        client.setCharset(StandardCharsets.UTF_8);
        client.setEndpointCheckingEnabled(verifyHostname);
        return client;
    }

    /** A POP3 client (POP3S when {@code implicit}, else STLS-capable), trusted, checked and metered. */
    public POP3SClient pop3Client(boolean implicit, PeerInput input) {
        POP3SClient client = new POP3SClient(implicit, context(input));
        client.setEndpointCheckingEnabled(verifyHostname);
        return client;
    }

    /** An IMAP client (IMAPS when {@code implicit}, else STARTTLS-capable), trusted, checked and metered. */
    public IMAPSClient imapClient(boolean implicit, PeerInput input) {
        IMAPSClient client = new IMAPSClient(implicit, context(input));
        client.setEndpointCheckingEnabled(verifyHostname);
        return client;
    }
}
