package io.mailtrip.sensor.smtpimap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A short stable name for "this sensor": the same sender, recipient, servers and folder give the same
 * key in every process, so a restarted sensor recognises the probes it left behind, and two sensors
 * sharing a mailbox never sweep each other's probes.
 */
final class SensorKey {

    private SensorKey() {
    }

    static String of(RoundTripConfig config) {
        String identity = String.join("\n", ImapCatalogue.SENSOR_ID, config.from().toLowerCase(Locale.ROOT),
                config.to().toLowerCase(Locale.ROOT), config.smtp().host().toLowerCase(Locale.ROOT),
                String.valueOf(config.smtp().port()), config.imap().endpoint().host().toLowerCase(Locale.ROOT),
                String.valueOf(config.imap().endpoint().port()), config.imap().folder());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
