package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.PeerLimits;
import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.probe.MessageHeaders;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.probe.ProbeStamp;
import io.mailtrip.mailkit.probe.ProbeSweep;

import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.net.pop3.POP3MessageInfo;

/**
 * The POP3 poll phase: one look into the mailbox of a logged-in session: the listing
 * ({@link MailboxListing}), headers ({@code TOP n 0}, RFC 1939 section 7) of messages not seen before, and
 * the verdict of the shared {@link ProbeSweep} on each; then {@link Pop3Cleanup} deletes the current probe
 * (and copies: duplicates) and own probes that are late, and quits. Everything else is left exactly as it
 * was.
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
    private final ProbeSweep sweep;

    Pop3Poll(MailboxMemory memory, long staleAfterMillis) {
        this.memory = memory;
        this.sweep = new ProbeSweep(memory.abandoned(), staleAfterMillis);
    }

    Outcome run(Pop3Connection connection, ProbeMessage probe) throws PhaseFailure {
        try {
            List<POP3MessageInfo> listing = MailboxListing.read(connection, memory.takeListing());
            Set<String> present = new HashSet<>();
            listing.forEach(info -> present.add(info.identifier));
            memory.retainOnly(present);
            Map<Integer, String> toDelete = new LinkedHashMap<>();
            int headersRead = 0;
            int copies = 0;
            int late = 0;
            long now = System.currentTimeMillis();
            for (POP3MessageInfo info : listing) {
                if (memory.isKnown(info.identifier)) {
                    continue;
                }
                headersRead++;
                switch (sweep.judge(ProbeStamp.of(readHeaders(connection, info.number)), probe, now)) {
                    case FOREIGN -> memory.remember(info.identifier); // not ours: never looked at again
                    case CURRENT -> {
                        copies++;
                        toDelete.put(info.number, info.identifier);
                    }
                    case LATE -> {
                        late++;
                        toDelete.put(info.number, info.identifier);
                    }
                    case IN_FLIGHT -> {
                        // May belong to a run still waiting in another process with the same key: look
                        // again next poll.
                    }
                }
            }
            Pop3Cleanup.deleteAndQuit(connection, toDelete);
            // After QUIT the deletions are real: remember the rest by position for the next poll.
            memory.rememberListing(listing.stream().filter(info -> !toDelete.containsKey(info.number))
                    .map(info -> info.identifier).toList());
            return new Outcome(copies > 0, listing.size(), headersRead, late, Math.max(0, copies - 1));
        } catch (IOException e) {
            throw connection.leg().failure(e);
        } catch (RuntimeException e) {
            throw connection.translate(e);
        }
    }

    private static MessageHeaders readHeaders(Pop3Connection connection, int number)
            throws IOException, PhaseFailure {
        Leg leg = connection.leg();
        leg.step("TOP " + number + " 0", connection.client(), PeerLimits.Reply.HEADER);
        Reader reader = connection.client().retrieveMessageTop(number, 0);
        if (reader == null) {
            throw leg.refused("TOP refused", connection.client().getReplyString());
        }
        return MessageHeaders.read(reader);
    }
}
