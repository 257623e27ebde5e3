package io.mailtrip.mailkit;

import io.mailtrip.mailkit.tls.CertificatesSeen;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round trip's clock: when the run started, how long the SMTP leg and the mailbox leg took (-1 while a
 * leg has not completed), and the result with the channels every mail sensor reports: the two legs, their
 * sum, downtime as "not measured" (the host fills it from its history) and the days to the earliest
 * certificate expiry the run saw ({@link CertificatesSeen}). Times in ms, µs precision.
 */
public final class RoundTripTimes {

    private final String smtpChannel;
    private final String mailboxChannel;
    private final String totalChannel;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final CertificatesSeen certificates = new CertificatesSeen();
    private long smtpNanos = -1;
    private long mailboxNanos = -1;

    /** @param mailboxChannel the mailbox leg's channel ({@code pop3}, {@code imap}) */
    public RoundTripTimes(String smtpChannel, String mailboxChannel, String totalChannel) {
        this.smtpChannel = smtpChannel;
        this.mailboxChannel = mailboxChannel;
        this.totalChannel = totalChannel;
    }

    /** The server certificates the run's TLS handshakes saw: hand it to {@code TlsTrust.recordingInto}. */
    public CertificatesSeen certificates() {
        return certificates;
    }

    public Instant start() {
        return start;
    }

    public void smtp(long nanos) {
        smtpNanos = nanos;
    }

    public long smtpNanos() {
        return smtpNanos;
    }

    public void mailbox(long nanos) {
        mailboxNanos = nanos;
    }

    public long mailboxNanos() {
        return mailboxNanos;
    }

    /** The result of the run so far; the message is cleaned and cut to one line. */
    public SensorResult result(Status status, String message, String phase, List<String> details) {
        Map<String, ChannelValue> channels = new LinkedHashMap<>();
        channels.put(smtpChannel, value(smtpNanos));
        channels.put(mailboxChannel, value(mailboxNanos));
        channels.put(totalChannel, smtpNanos >= 0 && mailboxNanos >= 0 ? value(smtpNanos + mailboxNanos)
                : ChannelValue.notMeasured());
        channels.put(ChannelDescriptor.DOWNTIME, ChannelValue.notMeasured());
        channels.put(CertificatesSeen.CHANNEL_KEY, certificates.daysLeft(Instant.now()));
        return new SensorResult(status, OneLine.of(message, 400), phase, channels, start,
                Duration.ofNanos(System.nanoTime() - startNanos), details);
    }

    /**
     * {@code nanos} as people read it in a message: {@code 12.3 ms}, the text of {@code "%.1f ms"} (half up),
     * in integer arithmetic: the first {@code String.format} of a process loads the Formatter and the
     * locale data, ~15 ms of CPU in a one-shot check (issue 16).
     */
    public static String millis(long nanos) {
        long tenths = (Math.abs(nanos) + 50_000) / 100_000;
        return (nanos < 0 ? "-" : "") + tenths / 10 + "." + tenths % 10 + " ms";
    }

    private static ChannelValue value(long nanos) {
        return nanos < 0 ? ChannelValue.notMeasured() : ChannelValue.of(Math.round(nanos / 1_000.0) / 1_000.0);
    }
}
