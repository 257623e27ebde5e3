package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.probe.TripWindow;
import io.mailtrip.mailkit.probe.ProbeSweep;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Waits in one session until the probe is in the folder or maxTripTime has passed since the SMTP
 * acceptance. The folder is searched after pauses that double from 50 ms up to imapInterval: one
 * {@code UID SEARCH} per check, no new login (unlike POP3, an IMAP session sees new mail as it arrives).
 * With {@code IDLE} (RFC 2177) the session idles during those pauses and the server's {@code * n EXISTS}
 * ends a pause at once. Both, because push alone is slow where delivery is fast: Dovecot 2.3 tells
 * idling clients of new mail only 0.5–1 s after it arrived (measured on the real stack, BENCHMARKS.md),
 * while its delivery takes a few milliseconds; the short first pauses find such a probe within tens of
 * milliseconds, and IDLE finds a slow delivery without waiting out a long pause.
 */
final class ImapWait {

    static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    /** RFC 2177 section 3: servers may log out a client idle for 30 minutes; IDLE is renewed before. */
    static final Duration IDLE_RENEWAL = Duration.ofMinutes(29);

    /**
     * The probe and what came with it.
     *
     * @param found        every copy of the probe (a server may deliver twice); the first is the probe
     * @param checks       searches made
     * @param idled        whether IDLE was used
     */
    record Arrival(List<ImapFind.Found> found, int checks, boolean idled) {
    }

    private final ImapConfig config;
    private final ProbeSweep rule;

    /** @param rule tells the current probe (and copies of it) from everything else */
    ImapWait(ImapConfig config, ProbeSweep rule) {
        this.config = config;
        this.rule = rule;
    }

    Arrival await(ImapSession session, ProbeMessage probe, long acceptedNanos)
            throws PhaseFailure, InterruptedException {
        Leg leg = session.leg();
        TripWindow window = TripWindow.of(acceptedNanos, config.maxTripTime(), leg.deadline(),
                config.endpoint().timeout());
        long tripEnd = window.endNanos();
        boolean idle = config.idle() && session.offers("IDLE");
        if (config.idle() && !idle) {
            leg.trace().note("server offers no IDLE; polling instead (imapWait=idle)");
        }
        Duration pause = FIRST_PAUSE;
        for (int checks = 1; ; checks++) {
            long now = System.currentTimeMillis();
            List<ImapFind.Found> found = ImapFind.search(session, probe.guid()).stream()
                    .filter(f -> rule.judge(Optional.of(f.stamp()), probe, now) == ProbeSweep.Verdict.CURRENT)
                    .toList();
            if (!found.isEmpty()) {
                leg.trace().note("probe found in check " + checks + " (UID " + found.get(0).uid() + ")");
                return new Arrival(found, checks, idle);
            }
            if (window.over()) {
                leg.step("waiting for the probe");
                throw leg.fail(window.notReceived(checks + " checks"));
            }
            if (leg.deadline().expired() || leg.watchdog().fired()) {
                leg.step("waiting for the probe");
                throw leg.deadlineReached();
            }
            if (idle) {
                idleUntilNewMail(session, Math.min(System.nanoTime() + pause.toNanos(), tripEnd));
            } else {
                sleepUntil(leg, Math.min(System.nanoTime() + pause.toNanos(), tripEnd));
            }
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(config.interval()) < 0 ? doubled : config.interval();
        }
    }

    /**
     * One IDLE: waits for {@code + idling} (bounded by imapTimeout), then for an EXISTS or {@code until}
     * (never longer than the renewal time), then ends it with DONE.
     */
    private void idleUntilNewMail(ImapSession session, long until) throws PhaseFailure {
        Leg leg = session.leg();
        String tag = session.newTag();
        session.sendLine("IDLE", tag + " IDLE", tag + " IDLE");
        session.arm();
        boolean announced = false;
        while (true) {
            ImapWire.Response response = session.next();
            if (response.continuation()) {
                break;
            }
            if (response.tag().equals(tag)) {
                throw leg.fail("IDLE refused: " + OneLine.of(response.shown(), 100));
            }
            if (!response.untagged()) {
                throw leg.fail("response with a tag never sent: " + OneLine.of(response.shown(), 100));
            }
            announced |= exists(response);
        }
        long wake = Math.min(until, System.nanoTime() + IDLE_RENEWAL.toNanos());
        while (!announced && wake - System.nanoTime() > 0) {
            Optional<ImapWire.Response> next = session.nextWithin(Duration.ofNanos(wake - System.nanoTime()));
            if (next.isEmpty()) {
                break;
            }
            ImapWire.Response response = next.get();
            if (response.tag().equals(tag)) {
                // The server ended the IDLE itself (RFC 2177 allows it to, e.g. before a shutdown).
                if (!response.word(0).equals("OK")) {
                    throw leg.fail("IDLE ended by the server: " + OneLine.of(response.shown(), 100));
                }
                return;
            }
            // The mail kit's reply limits bound what one IDLE may bring (the count starts at the IDLE command).
            announced |= exists(response);
        }
        session.sendLine("DONE", "DONE", "DONE");
        ImapSession.Reply done = session.collect(tag);
        if (!done.ok()) {
            throw session.refused(done);
        }
    }

    private static boolean exists(ImapWire.Response response) {
        return response.untagged() && response.word(1).equals("EXISTS");
    }

    private static void sleepUntil(Leg leg, long wakeNanos) throws InterruptedException {
        long end = Math.min(wakeNanos, System.nanoTime() + leg.deadline().remaining().toNanos());
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
