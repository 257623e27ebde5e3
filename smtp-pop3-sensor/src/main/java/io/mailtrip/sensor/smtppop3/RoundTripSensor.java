package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PeerLimits;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.ProtocolTrace;
import io.mailtrip.mailkit.ResultStore;
import io.mailtrip.mailkit.RoundTripTimes;
import io.mailtrip.mailkit.Watchdog;
import io.mailtrip.mailkit.oauth2.TokenSource;
import io.mailtrip.mailkit.probe.ProbeMessage;
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

import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.CHANNEL_DOWNTIME;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.CHANNEL_POP3;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.CHANNEL_SMTP;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.CHANNEL_TOTAL;

/**
 * One round trip per run: send the probe (SMTP leg), then wait for it in the mailbox (POP3 leg).
 * Turns every failure into a result naming its phase; the run deadline makes it UNKNOWN, every other
 * failure DOWN.
 */
final class RoundTripSensor implements Sensor {

    private final RoundTripConfig config;
    private final TlsTrust trust;
    private final MailboxMemory memory = new MailboxMemory();
    private final Optional<ResultStore> store;
    private final String sensorKey;
    private final Optional<TokenSource> tokens;
    private final PeerLimits limits;

    RoundTripSensor(RoundTripConfig config, TlsTrust trust, Optional<ResultStore> store) {
        this(config, trust, store, PeerLimits.DEFAULTS);
    }

    /** @param limits what servers may send per run; tests loosen them to provoke what they prevent */
    RoundTripSensor(RoundTripConfig config, TlsTrust trust, Optional<ResultStore> store, PeerLimits limits) {
        this.limits = limits;
        this.config = config;
        this.trust = trust;
        this.tokens = config.oauth2().map(settings -> new TokenSource(settings, trust));
        this.store = store;
        this.sensorKey = SensorKey.of(config.from(), config.to(), config.smtp().endpoint(), config.pop3());
    }

    /** Two SMTP and two POP3 timeouts (connect and a slow step) plus the maximum trip time. */
    @Override
    public Duration budget() {
        return config.smtp().endpoint().timeout().multipliedBy(2).plus(config.maxTripTime())
                .plus(config.pop3().timeout().multipliedBy(2));
    }

    @Override
    public void hostKeepsNoState() {
        tokens.ifPresent(TokenSource::hostKeepsNoState);
    }

    @Override
    public SensorResult run(Deadline deadline) {
        tokens.ifPresent(TokenSource::startRun);
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        ProtocolTrace trace = new ProtocolTrace();
        Measured measured = new Measured();
        SensorResult result;
        try (Watchdog watchdog = new Watchdog(deadline, limits)) {
            result = roundTrip(deadline, trace, watchdog, measured, start, startNanos);
        } catch (RuntimeException | Error e) {
            // A bug, or an Error such as OutOfMemoryError, must still give a result naming the phase, never
            // an exception across the SPI: a host must not lose an instance's result (issue 13).
            if (measured.sentGuid != null) {
                memory.abandoned().giveUpOn(measured.sentGuid);
            }
            result = result(Status.UNKNOWN, "internal error in phase " + measured.phase + ": "
                    + OneLine.of(String.valueOf(e), 160), measured.phase, measured, start, startNanos, trace.lines());
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
        ProbeMessage probe = ProbeMessage.create(RoundTripCatalogue.SENSOR_ID, sensorKey, config.subjectText(),
                config.from(), config.to(), config.smtp().heloIdent(), start);
        trace.note("probe " + probe.guid() + " (sensor key " + sensorKey + ")");
        boolean sent = false;
        TlsTrust runTrust = trust.recordingInto(measured.certificates);
        String phase = SmtpSubmission.PHASE;
        measured.phase = phase;
        try {
            SmtpSubmission.Accepted accepted = new SmtpSubmission(config.smtp(), runTrust, tokens, trace, watchdog, deadline)
                    .send(probe);
            measured.smtpNanos = accepted.acceptedNanos() - accepted.startNanos();
            sent = true;
            measured.sentGuid = probe.guid();
            phase = Pop3Login.PHASE;
            measured.phase = phase;
            if (config.pop3Auth() == RoundTripCatalogue.Pop3AuthMode.NONE) {
                try (Pop3Connection connection = Pop3Login.open(config, runTrust, tokens, trace, watchdog, deadline)) {
                    Pop3Cleanup.quit(connection);
                }
                measured.pop3Nanos = System.nanoTime() - accepted.acceptedNanos();
                return result(Status.UP, "probe sent in " + millis(measured.smtpNanos) + "; POP3 answered in "
                        + millis(measured.pop3Nanos) + " (pop3Auth=none: connect only, arrival not checked)", phase,
                        measured, start, startNanos, trace.lines());
            }
            Pop3Wait.Arrival arrival = new Pop3Wait(config, runTrust, tokens, trace, watchdog, deadline, memory)
                    .await(probe, accepted.acceptedNanos());
            measured.pop3Nanos = arrival.foundNanos() - accepted.acceptedNanos();
            // Concatenation, not String.format: see RoundTripTimes.millis (issue 16).
            return result(Status.UP, "round trip " + millis(measured.smtpNanos + measured.pop3Nanos) + " (SMTP "
                    + millis(measured.smtpNanos) + ", POP3 " + millis(measured.pop3Nanos) + ", " + arrival.polls()
                    + (arrival.polls() == 1 ? " poll)" : " polls)") + swept(arrival),
                    phase, measured, start, startNanos, trace.lines());
        } catch (PhaseFailure failure) {
            if (sent) {
                // Its probe may still arrive: then it is late, never taken for a later run's probe.
                memory.abandoned().giveUpOn(probe.guid());
            }
            Status status = failure.deadlineReached() || watchdog.fired() || deadline.expired() ? Status.UNKNOWN
                    : Status.DOWN;
            return result(status, failure.getMessage(), failure.phase(), measured, start, startNanos, trace.lines());
        } catch (InterruptedException e) {
            memory.abandoned().giveUpOn(probe.guid());
            Thread.currentThread().interrupt();
            return result(Status.UNKNOWN, "run interrupted while waiting in phase " + phase, phase, measured, start,
                    startNanos, trace.lines());
        }
    }

    private SensorResult result(Status status, String message, String phase, Measured measured, Instant start,
                                long startNanos, List<String> details) {
        // Channels stay as they are; a fresh token's request time and a lost refresh token are told in words.
        List<String> notes = new ArrayList<>();
        tokens.ifPresent(source -> {
            notes.addAll(source.fetchedThisRun());
            source.notice().ifPresent(notes::add);
        });
        if (!notes.isEmpty()) {
            message = message + "; " + String.join("; ", notes);
        }
        Map<String, ChannelValue> channels = new LinkedHashMap<>();
        channels.put(CHANNEL_SMTP, measured.value(measured.smtpNanos));
        channels.put(CHANNEL_POP3, measured.value(measured.pop3Nanos));
        channels.put(CHANNEL_TOTAL, measured.smtpNanos >= 0 && measured.pop3Nanos >= 0
                ? measured.value(measured.smtpNanos + measured.pop3Nanos) : ChannelValue.notMeasured());
        // Downtime is the host's to fill from the instance's history (ResultHistory).
        channels.put(CHANNEL_DOWNTIME, ChannelValue.notMeasured());
        channels.put(CertificatesSeen.CHANNEL_KEY, measured.certificates.daysLeft(Instant.now()));
        return new SensorResult(status, OneLine.of(message, 400), phase, channels, start,
                Duration.ofNanos(System.nanoTime() - startNanos), details);
    }

    private static String swept(Pop3Wait.Arrival arrival) {
        if (arrival.late() + arrival.duplicates() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "; deleted %d late probe(s) and %d duplicate(s)", arrival.late(),
                arrival.duplicates());
    }

    private static String millis(long nanos) {
        return RoundTripTimes.millis(nanos);
    }

    /** Leg durations measured so far (-1 while a leg has not completed), the phase reached, the probe sent. */
    private static final class Measured {
        final CertificatesSeen certificates = new CertificatesSeen();
        long smtpNanos = -1;
        long pop3Nanos = -1;
        String phase = SmtpSubmission.PHASE;
        String sentGuid;

        ChannelValue value(long nanos) {
            return nanos < 0 ? ChannelValue.notMeasured() : ChannelValue.of(Math.round(nanos / 1_000.0) / 1_000.0);
        }
    }
}
