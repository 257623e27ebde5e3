package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.oauth2.TokenSource;

import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    /** GUIDs of probes whose run gave up, remembered so the sweep may take them before maxTripTime. */
    static final int GIVEN_UP_KEPT = 256;

    private final RoundTripConfig config;
    private final TlsTrust trust;
    private final Optional<ResultStore> store;
    private final String sensorKey;
    private final Deque<String> givenUp = new ArrayDeque<>();
    private final Optional<TokenSource> tokens;

    ImapRoundTripSensor(RoundTripConfig config, TlsTrust trust, Optional<ResultStore> store) {
        this.config = config;
        this.trust = trust;
        this.store = store;
        this.sensorKey = SensorKey.of(config);
        // The token endpoint is trusted like the mail servers: same trust store, same host-name rule.
        this.tokens = config.oauth2().map(settings -> new TokenSource(settings,
                io.mailtrip.mailkit.tls.TlsTrust.load(config.trustStore(), config.trustStorePassword(),
                        config.verifyHostname())));
    }

    @Override
    public void hostKeepsNoState() {
        tokens.ifPresent(TokenSource::hostKeepsNoState);
    }

    /** Two SMTP and two IMAP timeouts (connect and a slow step) plus the maximum trip time. */
    @Override
    public Duration budget() {
        return config.smtp().timeout().multipliedBy(2).plus(config.imap().maxTripTime())
                .plus(config.imap().endpoint().timeout().multipliedBy(2));
    }

    @Override
    public SensorResult run(Deadline deadline) {
        tokens.ifPresent(TokenSource::startRun);
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
        ProbeMessage probe = ProbeMessage.create(sensorKey, config.subjectText(), config.from(), config.to(),
                config.heloIdent(), start);
        trace.note("probe " + probe.guid() + " (sensor key " + sensorKey + ")");
        boolean sent = false;
        String phase = SmtpSubmission.PHASE;
        try {
            SmtpSubmission.Accepted accepted = new SmtpSubmission(config, trust, trace, watchdog, deadline).send(probe);
            measured.smtpNanos = accepted.acceptedNanos() - accepted.startNanos();
            sent = true;
            phase = ImapSession.PHASE;
            trace.leg(phase);
            Hooks hooks = new Hooks(trust::applyTo, trace::note, watchdog::watch, watchdog::fired);
            try (ImapSession session = new ImapLogin(config.imap(), hooks, deadline, tokens).open()) {
                if (!config.imap().logsIn()) {
                    session.logout();
                    measured.imapNanos = System.nanoTime() - accepted.acceptedNanos();
                    return result(Status.UP, String.format(Locale.ROOT, "probe sent in %s; IMAP answered in %s"
                            + " (imapAuth=none: connect only, arrival not checked)", millis(measured.smtpNanos),
                            millis(measured.imapNanos)), phase, measured, start, startNanos, trace.lines());
                }
                ImapWait.Arrival arrival = new ImapWait(config.imap(), hooks, deadline)
                        .await(session, probe.stamp(), accepted.acceptedNanos());
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
                giveUpOn(probe.guid());
            }
            Status status = watchdog.fired() || deadline.expired() ? Status.UNKNOWN : Status.DOWN;
            return result(status, failure.getMessage(), failure.phase(), measured, start, startNanos, trace.lines());
        } catch (InterruptedException e) {
            giveUpOn(probe.guid());
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
        long oldest = System.currentTimeMillis() - config.imap().maxTripTime().toMillis();
        ImapSweep.Swept swept = ImapSweep.run(session, sensorKey, probe.guid(),
                stamp -> stamp.sentMillis() < oldest || givenUp.contains(stamp.guid()), config.imap().moveFolder());
        if (swept.removed() + swept.leftFlagged() > 0) {
            notes.add("removed " + swept.removed() + " stale probe(s) of earlier runs"
                    + (swept.leftFlagged() > 0 ? ", " + swept.leftFlagged() + " left flagged \\Deleted" : ""));
        }
    }

    private void giveUpOn(String guid) {
        if (givenUp.size() == GIVEN_UP_KEPT) {
            givenUp.removeFirst();
        }
        givenUp.addLast(guid);
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
        channels.put(CHANNEL_IMAP, measured.value(measured.imapNanos));
        channels.put(CHANNEL_TOTAL, measured.smtpNanos >= 0 && measured.imapNanos >= 0
                ? measured.value(measured.smtpNanos + measured.imapNanos) : ChannelValue.notMeasured());
        // Downtime is the host's to fill from the instance's history (ResultHistory).
        channels.put(CHANNEL_DOWNTIME, ChannelValue.notMeasured());
        return new SensorResult(status, OneLine.of(message, 400), phase, channels, start,
                Duration.ofNanos(System.nanoTime() - startNanos), details);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** Leg durations measured so far; -1 while a leg has not completed. */
    private static final class Measured {
        long smtpNanos = -1;
        long imapNanos = -1;

        ChannelValue value(long nanos) {
            return nanos < 0 ? ChannelValue.notMeasured() : ChannelValue.of(Math.round(nanos / 1_000.0) / 1_000.0);
        }
    }
}
