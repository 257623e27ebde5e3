package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.ProtocolTrace;
import io.mailtrip.mailkit.Watchdog;
import io.mailtrip.mailkit.oauth2.TokenSource;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.probe.TripWindow;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.spi.Deadline;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Polls the mailbox until the probe is there or its {@link TripWindow} (maxTripTime since the SMTP
 * acceptance, or less to fit the run deadline) has passed.
 * POP3 servers show a fixed maildrop per session, so every poll is a fresh login. In back-off mode
 * the first poll comes right after the acceptance and the pause doubles from 50 ms up to
 * pop3Interval: a fast server is measured within milliseconds while the login rate stays bounded.
 */
final class Pop3Wait {

    static final Duration FIRST_PAUSE = Duration.ofMillis(50);

    /** The poll that found the probe, and what the polls swept on the way. */
    record Arrival(long foundNanos, int polls, int late, int duplicates) {
    }

    private final RoundTripConfig config;
    private final TlsTrust trust;
    private final ProtocolTrace trace;
    private final Watchdog watchdog;
    private final Deadline deadline;
    private final Pop3Poll poll;
    private final Optional<TokenSource> tokens;

    Pop3Wait(RoundTripConfig config, TlsTrust trust, Optional<TokenSource> tokens, ProtocolTrace trace,
             Watchdog watchdog, Deadline deadline, MailboxMemory memory) {
        this.config = config;
        this.tokens = tokens;
        this.trust = trust;
        this.trace = trace;
        this.watchdog = watchdog;
        this.deadline = deadline;
        this.poll = new Pop3Poll(memory, config.maxTripTime().toMillis());
    }

    Arrival await(ProbeMessage probe, long acceptedNanos) throws PhaseFailure, InterruptedException {
        TripWindow window = TripWindow.of(acceptedNanos, config.maxTripTime(), deadline, config.pop3().timeout());
        long tripEnd = window.endNanos();
        Duration pause = backoff() ? Duration.ZERO : config.pop3Interval();
        int late = 0;
        int duplicates = 0;
        for (int polls = 1; ; polls++) {
            sleepUntil(Math.min(System.nanoTime() + pause.toNanos(), tripEnd));
            if (deadline.expired() || watchdog.fired()) {
                throw new PhaseFailure(Pop3Login.PHASE, "POP3 waiting for the probe: run deadline reached in phase "
                        + Pop3Login.PHASE + ", step pause before poll " + polls + " (after " + (polls - 1) + " polls)",
                        true);
            }
            Pop3Poll.Outcome outcome;
            try (Pop3Connection connection = Pop3Login.open(config, trust, tokens, trace, watchdog, deadline)) {
                outcome = poll.run(connection, probe);
            }
            late += outcome.late();
            duplicates += outcome.duplicates();
            if (outcome.late() + outcome.duplicates() > 0) {
                trace.note("deleted " + outcome.late() + " late probe(s) of earlier runs and " + outcome.duplicates()
                        + " duplicate(s)");
            }
            if (outcome.found()) {
                trace.note("probe found in poll " + polls + " among " + outcome.messages() + " messages ("
                        + outcome.headersRead() + " headers read)");
                return new Arrival(System.nanoTime(), polls, late, duplicates);
            }
            if (window.over()) {
                throw new PhaseFailure(Pop3Login.PHASE, "POP3 " + config.pop3().address() + ": "
                        + window.notReceived(polls + " polls"));
            }
            pause = next(pause);
        }
    }

    private Duration next(Duration pause) {
        if (!backoff()) {
            return config.pop3Interval();
        }
        Duration doubled = pause.isZero() ? FIRST_PAUSE : pause.multipliedBy(2);
        return doubled.compareTo(config.pop3Interval()) < 0 ? doubled : config.pop3Interval();
    }

    private boolean backoff() {
        return config.pollMode() == RoundTripCatalogue.PollMode.BACKOFF;
    }

    private void sleepUntil(long wakeNanos) throws InterruptedException {
        long end = Math.min(wakeNanos, System.nanoTime() + deadline.remaining().toNanos());
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
