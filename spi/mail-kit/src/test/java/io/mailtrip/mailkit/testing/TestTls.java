package io.mailtrip.mailkit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The test-only TLS material in {@code src/test/resources/tls}, as files other modules can use too. */
public final class TestTls {

    public static final String TRUST_STORE_PASSWORD = "trustpass";
    private static final String KEY_STORE_PASSWORD = "changeit";

    private TestTls() {
    }

    /** A trust store that trusts the GreenMail test certificate (localhost, 127.0.0.1) and the wrong-host one. */
    public static Path trustStore() {
        return extract("trust.p12");
    }

    /**
     * Makes GreenMail's SMTPS/POP3S serve {@code server.p12} (localhost and 127.0.0.1 names). Call before
     * a GreenMail server starts.
     */
    public static void serveTestCertificateFromGreenMail() {
        System.setProperty("greenmail.tls.keystore.file", extract("server.p12").toString());
        System.setProperty("greenmail.tls.keystore.password", KEY_STORE_PASSWORD);
    }

    private static synchronized Path extract(String name) {
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource tls/" + name + " missing");
            }
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "mailtrip-test-tls-" + ProcessHandle.current().pid());
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
