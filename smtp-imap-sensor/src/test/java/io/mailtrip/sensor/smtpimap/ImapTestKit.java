package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.testing.TestTls;
import io.mailtrip.spi.Secret;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Configs and hooks for driving the IMAP phases directly. */
final class ImapTestKit {

    final List<String> trace = Collections.synchronizedList(new ArrayList<>());

    private ImapTestKit() {
    }

    static ImapTestKit create() {
        return new ImapTestKit();
    }

    static ImapConfig config(String host, int port, TlsMode tls, boolean idle) {
        return new ImapConfig(new Endpoint(host, port, Duration.ofSeconds(3), tls),
                Optional.of(new Credentials("probe", new Secret("Pr0be-secret"))), "INBOX", idle, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Optional.empty());
    }

    Hooks hooks() {
        X509TrustManager manager = trustManager();
        return new Hooks(client -> {
            client.setTrustManager(manager);
            client.setEndpointCheckingEnabled(true);
        }, trace::add, client -> { }, () -> false);
    }

    static X509TrustManager trustManager() {
        try {
            KeyStore store = KeyStore.getInstance(TestTls.trustStore().toFile(),
                    TestTls.TRUST_STORE_PASSWORD.toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
