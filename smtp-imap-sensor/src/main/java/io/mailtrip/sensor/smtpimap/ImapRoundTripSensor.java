package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.ProtocolTrace;
import io.mailtrip.mailkit.ResultStore;
import io.mailtrip.mailkit.Watchdog;
import io.mailtrip.mailkit.probe.AbandonedProbes;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.probe.ProbeSweep;
import io.mailtrip.mailkit.probe.SensorKey;
import io.mailtrip.mailkit.smtp.SmtpSubmission;
import io.mailtrip.mailkit.tls.CertificatesSeen;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.mailtrip.sensor.smtpimap.ImapCatalogue.CHANNEL_DOWNTIME;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.CHANNEL_IMAP;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.CHANNEL_SMTP;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.CHANNEL_TOTAL;

/**
 * One round trip per run: send the probe (SMTP leg), then, in one IMAP session, wait for it (IDLE or
 * polling), remove it and sweep this sensor's stale probes (IMAP leg). Every failure is a result naming
 * its phase and step; the run deadline makes it UNKNOWN, every other failure DOWN.
 */
final class ImapRoundTripSensor implements Sensor {

    private final RoundTripConfig config;
    private final TlsTrust trust;
    private final Optional<ResultStore> store;
    private final String sensorKey;
    /** Probes whose run gave up: the sweep takes them without waiting for maxTripTime. */
    private final AbandonedProbes abandoned = new AbandonedProbes();
    private final ProbeSweep rule;

    ImapRoundTripSensor(RoundTripConfig config, TlsTrust trust, Optional<ResultStore> store) {
        this.config = config;
        this.trust = trust;
        this.store = store;
        this.sensorKey = SensorKey.of(config.from(), config.to(), config.smtp().endpoint(), config.imap().endpoint());
        this.rule = new ProbeSweep(abandoned, config.imap().maxTripTime().toMillis());
    }

    /** Two SMTP and two IMAP timeouts (connect and a slow step) plus the maximum trip time. */
    @Override
    public Duration budget() {
        return config.smtp().endpoint().timeout().multipliedBy(2).plus(config.imap().maxTripTime())
                .plus(config.imap().endpoint().timeout().multipliedBy(2));
    }

    @Override
    public SensorResult run(Deadline deadline) {
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        ProtocolTrace trace = new ProtocolTrace();
        Measured measured = new Measured();
        SensorResult result;
        try (Watchdog watchdog = new Watchdog(deadline)) {
            result = roundTrip(deadline, trace, watchdog, measured, start, startNanos);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // A bug must still give a result, never an exception across the SPI.
            result = result(Status.UNKNOWN, "internal error: " + OneLine.of(String.valueOf(e), 160), "internal",
                    measured, start, startNanos, trace.lines());
        }
        if (store.isPresent()) {
            List<String> details = new ArrayList<>(result.details());
            details.add(store.get().write(result));
            result = new SensorResult(result.status(), result.message(), result.phase(), result.channels(),
                    result.start(), result.elapsed(), details);
        }
        return result;
    }

    private SensorResult roundTrip(Deadline deadline, ProtocolTrace trace, Watchdog watchdog, Measured measured,
                                   Instant start, long startNanos) {
        ProbeMessage probe = ProbeMessage.create(ImapCatalogue.SENSOR_ID, sensorKey, config.subjectText(),
                config.from(), config.to(), config.smtp().heloIdent(), start);
        trace.note("probe " + probe.guid() + " (sensor key " + sensorKey + ")");
        boolean sent = false;
        TlsTrust runTrust = trust.recordingInto(measured.certificates);
        String phase = SmtpSubmission.PHASE;
        try {
            SmtpSubmission.Accepted accepted = new SmtpSubmission(config.smtp(), runTrust, trace, watchdog, deadline)
                    .send(probe);
            measured.smtpNanos = accepted.acceptedNanos() - accepted.startNanos();
            sent = true;
            phase = ImapSession.PHASE;
            Leg leg = new Leg(phase, config.imap().endpoint(), trace, watchdog, deadline);
            try (ImapSession session = new ImapLogin(config.imap(), runTrust).open(leg)) {
                if (config.imap().login().isEmpty()) {
                    session.logout();
                    measured.imapNanos = System.nanoTime() - accepted.acceptedNanos();
                    return result(Status.UP, String.format(Locale.ROOT, "probe sent in %s; IMAP answered in %s"
                            + " (imapAuth=none: connect only, arrival not checked)", millis(measured.smtpNanos),
                            millis(measured.imapNanos)), phase, measured, start, startNanos, trace.lines());
                }
                ImapWait.Arrival arrival = new ImapWait(config.imap(), rule).await(session, probe,
                        accepted.acceptedNanos());
                List<String> notes = new ArrayList<>();
                remove(session, arrival, notes);
                measured.imapNanos = System.nanoTime() - accepted.acceptedNanos();
                sweep(session, probe, notes);
                session.logout();
                return result(Status.UP, String.format(Locale.ROOT, "round trip %s (SMTP %s, IMAP %s, %s)%s",
                        millis(measured.smtpNanos + measured.imapNanos), millis(measured.smtpNanos),
                        millis(measured.imapNanos), arrival.idled() ? "IDLE" : arrival.checks() + " searches",
                        notes.isEmpty() ? "" : "; " + String.join("; ", notes)), phase, measured, start, startNanos,
                        trace.lines());
            }
        } catch (PhaseFailure failure) {
            if (sent) {
                // Its probe may still arrive: the sweep of a later run removes it without waiting maxTripTime.
                abandoned.giveUpOn(probe.guid());
            }
            Status status = watchdog.fired() || deadline.expired() ? Status.UNKNOWN : Status.DOWN;
            return result(status, failure.getMessage(), failure.phase(), measured, start, startNanos, trace.lines());
        } catch (InterruptedException e) {
            abandoned.giveUpOn(probe.guid());
            Thread.currentThread().interrupt();
            return result(Status.UNKNOWN, "run interrupted while waiting in phase " + phase, phase, measured, start,
                    startNanos, trace.lines());
        }
    }

    /** Removes the probe and any duplicate delivery of it; says so when the server left them flagged. */
    private void remove(ImapSession session, ImapWait.Arrival arrival, List<String> notes) throws PhaseFailure {
        int leftFlagged = 0;
        for (ImapFind.Found found : arrival.found()) {
            if (!ImapDelete.remove(session, found.uid(), config.imap().moveFolder()).gone()) {
                leftFlagged++;
            }
        }
        if (arrival.found().size() > 1) {
            notes.add("removed " + (arrival.found().size() - 1) + " duplicate(s)");
        }
        if (leftFlagged > 0) {
            notes.add(ImapDelete.leftFlaggedNote(config.imap().moveFolder(), session.offers("MOVE")));
        }
    }

    private void sweep(ImapSession session, ProbeMessage probe, List<String> notes) throws PhaseFailure {
        ImapSweep.Swept swept = ImapSweep.run(session, rule, probe, config.imap().moveFolder());
        if (swept.removed() + swept.leftFlagged() > 0) {
            notes.add("removed " + swept.removed() + " stale probe(s) of earlier runs"
                    + (swept.leftFlagged() > 0 ? ", " + swept.leftFlagged() + " left flagged \\Deleted" : ""));
        }
    }

    private static SensorResult result(Status status, String message, String phase, Measured measured, Instant start,
                                       long startNanos, List<String> details) {
        Map<String, ChannelValue> channels = new LinkedHashMap<>();
        channels.put(CHANNEL_SMTP, measured.value(measured.smtpNanos));
        channels.put(CHANNEL_IMAP, measured.value(measured.imapNanos));
        channels.put(CHANNEL_TOTAL, measured.smtpNanos >= 0 && measured.imapNanos >= 0
                ? measured.value(measured.smtpNanos + measured.imapNanos) : ChannelValue.notMeasured());
        // Downtime is the host's to fill from the instance's history (ResultHistory).
        channels.put(CHANNEL_DOWNTIME, ChannelValue.notMeasured());
        channels.put(CertificatesSeen.CHANNEL_KEY, measured.certificates.daysLeft(Instant.now()));
        return new SensorResult(status, OneLine.of(message, 400), phase, channels, start,
                Duration.ofNanos(System.nanoTime() - startNanos), details);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** Leg durations measured so far; -1 while a leg has not completed. */
    private static final class Measured {
        final CertificatesSeen certificates = new CertificatesSeen();
        long smtpNanos = -1;
        long imapNanos = -1;

        ChannelValue value(long nanos) {
            return nanos < 0 ? ChannelValue.notMeasured() : ChannelValue.of(Math.round(nanos / 1_000.0) / 1_000.0);
        }
    }
}
