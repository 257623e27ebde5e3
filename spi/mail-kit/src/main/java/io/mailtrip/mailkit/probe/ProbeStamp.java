package io.mailtrip.mailkit.probe;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What identifies a probe in its {@value #HEADER} header:
 * {@code <sensor id>; sensor=<key>; guid=<GUID>; sent=<epoch ms>}, for example
 * {@code smtp-pop3-roundtrip; sensor=0a1b…; guid=…; sent=…}. The sensor id and key tell this
 * sensor's probes from another sensor's sharing the mailbox; the send time lets a later run sweep
 * probes an earlier run or process left behind.
 *
 * @param sensorId   id of the sending sensor ({@code smtp-pop3-roundtrip})
 * @param sensorKey  {@link SensorKey} of the sending sensor
 * @param guid       upper-case GUID
 * @param sentMillis wall-clock send time
 */
public record ProbeStamp(String sensorId, String sensorKey, String guid, long sentMillis) {

    public static final String HEADER = "X-Mailtrip-Probe";

    public String headerValue() {
        return sensorId + "; sensor=" + sensorKey + "; guid=" + guid + "; sent=" + sentMillis;
    }

    /** True when this stamp and {@code other} come from the same sensor (id and key). */
    public boolean sameSensor(ProbeStamp other) {
        return sensorId.equals(other.sensorId) && sensorKey.equals(other.sensorKey);
    }

    /** The stamp in a message's headers, when the message is a mailtrip probe whose subject agrees. */
    public static Optional<ProbeStamp> of(MessageHeaders headers) {
        for (String value : headers.values(HEADER)) {
            Optional<ProbeStamp> stamp = parse(value);
            if (stamp.isPresent() && headers.values("Subject").stream()
                    .anyMatch(s -> s.contains(ProbeMessage.SUBJECT_MARK + "{" + stamp.get().guid() + "}"))) {
                return stamp;
            }
        }
        return Optional.empty();
    }

    public static Optional<ProbeStamp> parse(String value) {
        String[] parts = value.split(";");
        String id = parts[0].strip();
        if (parts.length < 4 || id.isEmpty() || id.contains("=")) {
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
            return key == null || guid == null ? Optional.empty() : Optional.of(new ProbeStamp(id, key, guid, sent));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
