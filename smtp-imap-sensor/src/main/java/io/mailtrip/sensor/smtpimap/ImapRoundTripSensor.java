package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.oauth2.TokenSource;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.ProtocolTrace;
import io.mailtrip.mailkit.ResultStore;
import io.mailtrip.mailkit.RoundTripTimes;
import io.mailtrip.mailkit.Watchdog;
import io.mailtrip.mailkit.probe.AbandonedProbes;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.probe.ProbeSweep;
import io.mailtrip.mailkit.probe.SensorKey;
import io.mailtrip.mailkit.smtp.SmtpSubmission;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.mailtrip.mailkit.RoundTripTimes.millis;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.CHANNEL_IMAP;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.CHANNEL_SMTP;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.CHANNEL_TOTAL;

/**
 * One round trip per run: log in to the mailbox, send the probe (SMTP leg), then, in that IMAP session,
 * wait for it (IDLE or polling), remove it and sweep this sensor's stale probes (IMAP leg). Every failure
 * is a result naming its phase and step; the run deadline makes it UNKNOWN, every other failure DOWN.
 */
final class ImapRoundTripSensor implements Sensor {

    private final RoundTripConfig config;
    private final TlsTrust trust;
    private final Optional<ResultStore> store;
    private final String sensorKey;
    /** Probes whose run gave up: the sweep takes them without waiting for maxTripTime. */
    private final AbandonedProbes abandoned = new AbandonedProbes();
    private final ProbeSweep rule;
    private final Optional<TokenSource> tokens;

    ImapRoundTripSensor(RoundTripConfig config, TlsTrust trust, Optional<ResultStore> store) {
        this.config = config;
        this.trust = trust;
        this.store = store;
        this.sensorKey = SensorKey.of(config.from(), config.to(), config.smtp().endpoint(), config.imap().endpoint());
        this.rule = new ProbeSweep(abandoned, config.imap().maxTripTime().toMillis());
        this.tokens = config.oauth2().map(settings -> new TokenSource(settings, trust));
    }

    @Override
    public void hostKeepsNoState() {
        tokens.ifPresent(TokenSource::hostKeepsNoState);
    }

    /** Two SMTP and two IMAP timeouts (connect and a slow step) plus the maximum trip time. */
    @Override
    public Duration budget() {
        return config.smtp().endpoint().timeout().multipliedBy(2).plus(config.imap().maxTripTime())
                .plus(config.imap().endpoint().timeout().multipliedBy(2));
    }

    @Override
    public SensorResult run(Deadline deadline) {
        tokens.ifPresent(TokenSource::startRun);
        RoundTripTimes times = new RoundTripTimes(CHANNEL_SMTP, CHANNEL_IMAP, CHANNEL_TOTAL);
        ProtocolTrace trace = new ProtocolTrace();
        SensorResult result;
        try (Watchdog watchdog = new Watchdog(deadline)) {
            result = roundTrip(deadline, trace, watchdog, times);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // A bug must still give a result, never an exception across the SPI.
            result = times.result(Status.UNKNOWN, "internal error: " + OneLine.of(String.valueOf(e), 160), "internal",
                    trace.lines());
        }
        result = withTokenNotes(result);
        return store.isPresent() ? store.get().keep(result) : result;
    }

    private SensorResult roundTrip(Deadline deadline, ProtocolTrace trace, Watchdog watchdog, RoundTripTimes times) {
        ProbeMessage probe = ProbeMessage.create(ImapCatalogue.SENSOR_ID, sensorKey, config.subjectText(),
                config.from(), config.to(), config.smtp().heloIdent(), times.start());
        trace.note("probe " + probe.guid() + " (sensor key " + sensorKey + ")");
        boolean sent = false;
        String phase = ImapSession.PHASE;
        Leg leg = new Leg(ImapSession.PHASE, config.imap().endpoint(), trace, watchdog, deadline);
        try {
            if (!config.imap().logsIn()) {
                phase = SmtpSubmission.PHASE;
                SmtpSubmission.Accepted accepted = send(probe, trace, watchdog, deadline, times);
                phase = ImapSession.PHASE;
                try (ImapSession session = new ImapLogin(config.imap(), trust(times), tokens).open(leg)) {
                    session.logout();
                }
                times.mailbox(System.nanoTime() - accepted.acceptedNanos());
                return times.result(Status.UP, String.format(Locale.ROOT, "probe sent in %s; IMAP answered in %s"
                        + " (imapAuth=none: connect only, arrival not checked)", millis(times.smtpNanos()),
                        millis(times.mailboxNanos())), phase, trace.lines());
            }
            // The mailbox first: the session then sees the delivery as it happens (IDLE, RFC 2177), and a
            // mailbox that cannot be reached or logged into fails the run before a probe is sent.
            try (ImapSession session = new ImapLogin(config.imap(), trust(times), tokens).open(leg)) {
                phase = SmtpSubmission.PHASE;
                SmtpSubmission.Accepted accepted = send(probe, trace, watchdog, deadline, times);
                sent = true;
                phase = ImapSession.PHASE;
                session.resume();
                ImapWait.Arrival arrival = new ImapWait(config.imap(), rule).await(session, probe,
                        accepted.acceptedNanos());
                List<String> notes = new ArrayList<>();
                remove(session, arrival, notes);
                times.mailbox(System.nanoTime() - accepted.acceptedNanos());
                sweep(session, probe, notes);
                session.logout();
                return times.result(Status.UP, String.format(Locale.ROOT, "round trip %s (SMTP %s, IMAP %s, %s)%s",
                        millis(times.smtpNanos() + times.mailboxNanos()), millis(times.smtpNanos()),
                        millis(times.mailboxNanos()), arrival.idled() ? "IDLE" : arrival.checks() + " searches",
                        notes.isEmpty() ? "" : "; " + String.join("; ", notes)), phase, trace.lines());
            }
        } catch (PhaseFailure failure) {
            if (sent) {
                // Its probe may still arrive: the sweep of a later run removes it without waiting maxTripTime.
                abandoned.giveUpOn(probe.guid());
            }
            Status status = watchdog.fired() || deadline.expired() ? Status.UNKNOWN : Status.DOWN;
            return times.result(status, failure.getMessage(), failure.phase(), trace.lines());
        } catch (InterruptedException e) {
            abandoned.giveUpOn(probe.guid());
            Thread.currentThread().interrupt();
            return times.result(Status.UNKNOWN, "run interrupted while waiting in phase " + phase, phase,
                    trace.lines());
        }
    }

    /** The SMTP leg (mail kit); records its duration. */
    private SmtpSubmission.Accepted send(ProbeMessage probe, ProtocolTrace trace, Watchdog watchdog, Deadline deadline,
                                         RoundTripTimes times) throws PhaseFailure, InterruptedException {
        SmtpSubmission.Accepted accepted = new SmtpSubmission(config.smtp(), trust(times), tokens, trace, watchdog, deadline)
                .send(probe);
        times.smtp(accepted.acceptedNanos() - accepted.startNanos());
        return accepted;
    }

    /** Channels stay as they are; a fresh token's request time and a lost refresh token are told in words. */
    private SensorResult withTokenNotes(SensorResult result) {
        List<String> notes = new ArrayList<>();
        tokens.ifPresent(source -> {
            notes.addAll(source.fetchedThisRun());
            source.notice().ifPresent(notes::add);
        });
        if (notes.isEmpty()) {
            return result;
        }
        return new SensorResult(result.status(), OneLine.of(result.message() + "; " + String.join("; ", notes), 400),
                result.phase(), result.channels(), result.start(), result.elapsed(), result.details());
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

    /** The sensor's trust, handing the certificates of this run's handshakes to its clock. */
    private TlsTrust trust(RoundTripTimes times) {
        return trust.recordingInto(times.certificates());
    }
}
