package io.mailtrip.mailkit.testing;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.security.KeyStore;

/** The certificate a fake server presents (test key stores in {@code src/test/resources/tls}). */
public enum ServerIdentity {
    /** localhost and 127.0.0.1, trusted by the test trust store. */
    GOOD("server.p12"),
    /** Only wrong.mailtrip.test, trusted. */
    WRONG_HOST("wronghost.p12"),
    /** localhost, signed by the trusted test CA, valid only in January 2020. */
    EXPIRED("expired.p12"),
    /** localhost, self-signed, trusted by nobody. */
    UNTRUSTED("untrusted.p12");

    private final String file;

    ServerIdentity(String file) {
        this.file = file;
    }

    public SSLContext context() {
        try (InputStream in = ServerIdentity.class.getResourceAsStream("/tls/" + file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "changeit".toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "changeit".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("test key store " + file, e);
        }
    }
}
