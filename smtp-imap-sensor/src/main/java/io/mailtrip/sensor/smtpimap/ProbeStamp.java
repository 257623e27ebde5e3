package io.mailtrip.sensor.smtpimap;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What identifies a probe in its {@value #HEADER} header:
 * {@code smtp-pop3-roundtrip; sensor=<key>; guid=<GUID>; sent=<epoch ms>}. The sensor key tells this
 * sensor's probes from another sensor's sharing the mailbox; the send time lets a later run sweep
 * probes an earlier run or process left behind.
 *
 * @param sensorKey  {@link SensorKey} of the sending sensor
 * @param guid       upper-case GUID
 * @param sentMillis wall-clock send time
 */
record ProbeStamp(String sensorKey, String guid, long sentMillis) {

    static final String HEADER = "X-Mailtrip-Probe";

    String headerValue() {
        return ImapCatalogue.SENSOR_ID + "; sensor=" + sensorKey + "; guid=" + guid + "; sent=" + sentMillis;
    }

    /** The stamp in a message's headers, when the message is a mailtrip probe whose subject agrees. */
    static Optional<ProbeStamp> of(MessageHeaders headers) {
        for (String value : headers.values(HEADER)) {
            Optional<ProbeStamp> stamp = parse(value);
            if (stamp.isPresent() && headers.values("Subject").stream()
                    .anyMatch(s -> s.contains("Roundtrip Mail: {" + stamp.get().guid() + "}"))) {
                return stamp;
            }
        }
        return Optional.empty();
    }

    static Optional<ProbeStamp> parse(String value) {
        String[] parts = value.split(";");
        if (parts.length < 4 || !parts[0].strip().equals(ImapCatalogue.SENSOR_ID)) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].strip().split("=", 2);
            if (pair.length == 2) {
                fields.put(pair[0], pair[1]);
            }
        }
        try {
            String key = fields.get("sensor");
            String guid = fields.get("guid");
            long sent = Long.parseLong(fields.getOrDefault("sent", ""));
            return key == null || guid == null ? Optional.empty() : Optional.of(new ProbeStamp(key, guid, sent));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
