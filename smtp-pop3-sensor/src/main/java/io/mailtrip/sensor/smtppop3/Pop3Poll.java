package io.mailtrip.sensor.smtppop3;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.net.pop3.POP3MessageInfo;

/**
 * One look into the mailbox: the listing ({@link MailboxListing}), headers (TOP n 0) of messages not
 * seen before, DELE, QUIT. Deleted
 * are only this sensor's own probes: the current one (and copies of it: duplicates), and probes an
 * earlier run gave up on or left behind longer than maxTripTime ago (late). Everything else is left
 * exactly as it was.
 */
final class Pop3Poll {

    /**
     * What one poll saw.
     *
     * @param found       the current probe was there
     * @param messages    messages in the mailbox
     * @param headersRead TOP commands sent
     * @param late        own probes of earlier runs deleted
     * @param duplicates  extra copies of the current probe deleted
     */
    record Outcome(boolean found, int messages, int headersRead, int late, int duplicates) {
    }

    private final MailboxMemory memory;
    private final long staleAfterMillis;

    Pop3Poll(MailboxMemory memory, long staleAfterMillis) {
        this.memory = memory;
        this.staleAfterMillis = staleAfterMillis;
    }

    Outcome run(Pop3Session session, ProbeMessage probe) throws PhaseFailure {
        try {
            List<POP3MessageInfo> listing = MailboxListing.read(session, memory.takeListing());
            Set<String> present = new HashSet<>();
            listing.forEach(info -> present.add(info.identifier));
            memory.retainOnly(present);
            List<Integer> toDelete = new ArrayList<>();
            int headersRead = 0;
            int copies = 0;
            int late = 0;
            long now = System.currentTimeMillis();
            for (POP3MessageInfo info : listing) {
                if (memory.isKnown(info.identifier)) {
                    continue;
                }
                headersRead++;
                Optional<ProbeStamp> stamp = ProbeStamp.of(readHeaders(session, info.number));
                if (stamp.isEmpty() || !stamp.get().sensorKey().equals(probe.stamp().sensorKey())) {
                    memory.remember(info.identifier); // not ours: never looked at again
                } else if (stamp.get().guid().equals(probe.guid())) {
                    copies++;
                    toDelete.add(info.number);
                } else if (memory.gaveUpOn(stamp.get().guid()) || now - stamp.get().sentMillis() > staleAfterMillis) {
                    late++;
                    toDelete.add(info.number);
                }
                // An own probe that is neither current nor stale may belong to a run still waiting in
                // another process with the same key: leave it, and look again next poll.
            }
            for (int number : toDelete) {
                session.step("DELE " + number);
                session.arm();
                session.expect(session.client().deleteMessage(number), "DELE refused");
            }
            session.quit();
            // After QUIT the deletions are real: remember the rest by position for the next poll.
            memory.rememberListing(listing.stream().filter(info -> !toDelete.contains(info.number))
                    .map(info -> info.identifier).toList());
            return new Outcome(copies > 0, listing.size(), headersRead, late, Math.max(0, copies - 1));
        } catch (IOException e) {
            throw session.failure(e);
        }
    }

    private static MessageHeaders readHeaders(Pop3Session session, int number) throws IOException, PhaseFailure {
        session.step("TOP " + number + " 0");
        session.arm();
        Reader reader = session.client().retrieveMessageTop(number, 0);
        if (reader == null) {
            throw session.fail("TOP refused");
        }
        return MessageHeaders.read(reader);
    }
}
