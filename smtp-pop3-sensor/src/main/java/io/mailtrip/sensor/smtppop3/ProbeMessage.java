package io.mailtrip.sensor.smtppop3;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The probe mail: a fresh GUID in the subject and in a header of our own, so a match needs both
 * and a user's mail that merely quotes a subject is never taken for a probe.
 *
 * @param guid    upper-case GUID, as in {@code {6D136420-5A3E-46CF-871A-1DAF0C4F3D5D}}
 * @param subjectText the user's text put before the generated part of the subject
 */
record ProbeMessage(String guid, String subjectText, String from, String to, String heloIdent) {

    /** Header naming the sensor and the GUID. */
    static final String PROBE_HEADER = "X-Mailtrip-Probe";
    static final String SUBJECT_MARK = "Roundtrip Mail: ";

    static ProbeMessage create(String subjectText, String from, String to, String heloIdent) {
        String guid = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        return new ProbeMessage(guid, subjectText.strip(), from, to, heloIdent);
    }

    /** {@code <subjectText> Roundtrip Mail: {GUID}}. */
    String subject() {
        return (subjectText.isEmpty() ? "" : subjectText + " ") + SUBJECT_MARK + "{" + guid + "}";
    }

    /**
     * The Subject header value. Only the user's text is RFC 2047-encoded when it is not ASCII; the
     * generated part stays plain so the GUID can be found in the raw header.
     */
    String subjectHeader() {
        return (subjectText.isEmpty() ? "" : HeaderWords.encode(subjectText) + " ") + SUBJECT_MARK + "{" + guid + "}";
    }

    /** Value of {@link #PROBE_HEADER}: the sensor id and the GUID. */
    String probeHeaderValue() {
        return RoundTripCatalogue.SENSOR_ID + "; guid=" + guid;
    }

    /**
     * The message text with CRLF line ends (RFC 5322).
     */
    String text(ZonedDateTime now) {
        String crlf = "\r\n";
        return "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(now) + crlf
                + "From: <" + from + ">" + crlf
                + "To: <" + to + ">" + crlf
                + "Subject: " + subjectHeader() + crlf
                + "Message-ID: <" + guid.toLowerCase(Locale.ROOT) + "." + RoundTripCatalogue.SENSOR_ID + "@"
                + heloIdent + ">" + crlf
                + PROBE_HEADER + ": " + probeHeaderValue() + crlf
                + "Auto-Submitted: auto-generated" + crlf
                + "MIME-Version: 1.0" + crlf
                + "Content-Type: text/plain; charset=US-ASCII" + crlf
                + crlf
                + "Round-trip probe sent by mailtrip. It is deleted by the sensor when it arrives." + crlf;
    }
}
