package io.mailtrip.mailkit.probe;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The probe mail: a fresh GUID in the subject and in a header of our own, so a match needs both
 * and a user's mail that merely quotes a subject is never taken for a probe.
 *
 * @param stamp       GUID, sensor key and send time, as carried in {@link ProbeStamp#HEADER}
 * @param subjectText the user's text put before the generated part of the subject
 */
public record ProbeMessage(ProbeStamp stamp, String subjectText, String from, String to, String heloIdent) {

    public static final String SUBJECT_MARK = "Roundtrip Mail: ";

    private static final File URANDOM = new File("/dev/urandom");

    /**
     * A probe with a fresh GUID.
     *
     * @param sensorId  the sending sensor's id, in the stamp and the Message-ID
     * @param sensorKey see {@link SensorKey}
     */
    public static ProbeMessage create(String sensorId, String sensorKey, String subjectText, String from,
                                      String to, String heloIdent, Instant now) {
        String guid = randomGuid().toString().toUpperCase(Locale.ROOT);
        return new ProbeMessage(new ProbeStamp(sensorId, sensorKey, guid, now.toEpochMilli()), subjectText.strip(),
                from, to, heloIdent);
    }

    /**
     * A random (version 4) UUID from the system's random source, {@code /dev/urandom}, which is what
     * {@link UUID#randomUUID()}'s SecureRandom reads on Linux; there, setting up the JCA provider for it cost
     * a one-shot Nagios check ~1/8 of its CPU (issue 16). Elsewhere, {@link UUID#randomUUID()}.
     */
    static UUID randomGuid() {
        byte[] random = new byte[16];
        try (InputStream in = new FileInputStream(URANDOM)) {
            if (in.readNBytes(random, 0, 16) != 16) {
                return UUID.randomUUID();
            }
        } catch (IOException e) {
            return UUID.randomUUID();
        }
        random[6] = (byte) (random[6] & 0x0f | 0x40); // version 4 (RFC 9562 section 5.4)
        random[8] = (byte) (random[8] & 0x3f | 0x80); // variant 10
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (random[i] & 0xff);
            low = low << 8 | (random[i + 8] & 0xff);
        }
        return new UUID(high, low);
    }

    public String guid() {
        return stamp.guid();
    }

    /**
     * The Subject header value. Only the user's text is RFC 2047-encoded when it is not ASCII; the
     * generated part stays plain so the GUID can be found in the raw header.
     */
    public String subjectHeader() {
        return (subjectText.isEmpty() ? "" : HeaderWords.encode(subjectText) + " ") + SUBJECT_MARK + "{" + guid() + "}";
    }

    /** The message text with CRLF line ends (RFC 5322). */
    public String text() {
        String crlf = "\r\n";
        return "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochMilli(stamp.sentMillis()).atZone(ZoneOffset.UTC)) + crlf
                + "From: <" + from + ">" + crlf
                + "To: <" + to + ">" + crlf
                + "Subject: " + subjectHeader() + crlf
                + "Message-ID: <" + guid().toLowerCase(Locale.ROOT) + "." + stamp.sensorId() + "@"
                + heloIdent + ">" + crlf
                + ProbeStamp.HEADER + ": " + stamp.headerValue() + crlf
                + "Auto-Submitted: auto-generated" + crlf
                + "MIME-Version: 1.0" + crlf
                + "Content-Type: text/plain; charset=US-ASCII" + crlf
                + crlf
                + "Round-trip probe sent by mailtrip. It is deleted by the sensor when it arrives." + crlf;
    }
}
