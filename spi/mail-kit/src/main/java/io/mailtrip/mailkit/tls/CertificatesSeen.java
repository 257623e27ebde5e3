package io.mailtrip.mailkit.tls;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The server certificates one run saw, on every TLS handshake of every leg (leaf and chain as the server
 * sent them), reduced to the earliest {@code notAfter}: the channel "days until the first certificate
 * expires", like {@code check_smtp -D} and blackbox_exporter's {@code probe_ssl_earliest_cert_expiry}.
 * Recorded before the trust check, so an expired or untrusted certificate still shows how far off it is.
 * A run without TLS sees none: the channel is then not measured.
 */
public final class CertificatesSeen {

    /** The channel's key: a plain channel in days, so every host shows and exports it generically. */
    public static final String CHANNEL_KEY = "certificate";

    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    private Instant earliest;

    /** The channel every mail sensor declares for it. */
    public static ChannelDescriptor channel() {
        return new ChannelDescriptor(CHANNEL_KEY, "Certificate Expiry", "d",
                "days until the earliest notAfter among the server certificates (leaf and chain) of every TLS"
                        + " handshake of the run, both legs; not measured when no leg used TLS");
    }

    /** Notes the chain of one handshake. */
    public synchronized void saw(X509Certificate[] chain) {
        if (chain == null) {
            return;
        }
        for (X509Certificate certificate : chain) {
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (earliest == null || notAfter.isBefore(earliest)) {
                earliest = notAfter;
            }
        }
    }

    /** The earliest {@code notAfter} among them, if the run made a TLS handshake. */
    public synchronized Optional<Instant> earliestExpiry() {
        return Optional.ofNullable(earliest);
    }

    /** Days from {@code now} to the earliest expiry (negative once expired), to 0.001 d; not measured without TLS. */
    public ChannelValue daysLeft(Instant now) {
        Optional<Instant> expiry = earliestExpiry();
        if (expiry.isEmpty()) {
            return ChannelValue.notMeasured();
        }
        double days = (expiry.get().toEpochMilli() - now.toEpochMilli()) / MILLIS_PER_DAY;
        return ChannelValue.of(Math.round(days * 1000) / 1000.0);
    }
}
