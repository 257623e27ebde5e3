package io.mailtrip.mailkit.probe;

import io.mailtrip.mailkit.Endpoint;

import java.nio.charset.StandardCharsets;
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
        // SHA-256 without the JCA (see Sha256): the same key as every earlier version computed.
        return HexFormat.of().formatHex(Sha256.digest(identity.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }
}
