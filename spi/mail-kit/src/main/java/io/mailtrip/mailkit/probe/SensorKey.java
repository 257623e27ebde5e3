package io.mailtrip.mailkit.probe;

import io.mailtrip.mailkit.Endpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A short stable name for "this sensor": the same sender, recipient and servers give the same key in
 * every process, so a restarted sensor recognises the probes it left behind, and two sensors sharing a
 * mailbox never sweep each other's probes.
 */
public final class SensorKey {

    private SensorKey() {
    }

    /**
     * @param smtp    the leg the probe is sent through
     * @param mailbox the leg the probe is read back from (POP3, IMAP)
     */
    public static String of(String from, String to, Endpoint smtp, Endpoint mailbox) {
        String identity = String.join("\n", from.toLowerCase(Locale.ROOT), to.toLowerCase(Locale.ROOT),
                smtp.host().toLowerCase(Locale.ROOT), String.valueOf(smtp.port()),
                mailbox.host().toLowerCase(Locale.ROOT), String.valueOf(mailbox.port()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
