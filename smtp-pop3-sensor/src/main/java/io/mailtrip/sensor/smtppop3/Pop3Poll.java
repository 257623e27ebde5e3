package io.mailtrip.sensor.smtppop3;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.net.pop3.POP3MessageInfo;

/**
 * One look into the mailbox: UIDL, headers (TOP n 0) of messages not seen before, DELE of the probe
 * only, QUIT. A message is the probe only when its Subject carries the GUID and our probe header
 * names the same GUID; everything else is left exactly as it was.
 */
final class Pop3Poll {

    /** What one poll saw. */
    record Outcome(boolean found, int messages, int headersRead) {
    }

    private final MailboxMemory memory;

    Pop3Poll(MailboxMemory memory) {
        this.memory = memory;
    }

    Outcome run(Pop3Session session, ProbeMessage probe) throws PhaseFailure {
        try {
            session.step("UIDL");
            session.arm();
            POP3MessageInfo[] listing = session.client().listUniqueIdentifiers();
            if (listing == null) {
                throw session.fail("UIDL refused: " + OneLine.of(session.client().getReplyString(), 100));
            }
            Set<String> present = new HashSet<>();
            Arrays.stream(listing).forEach(info -> present.add(info.identifier));
            memory.retainOnly(present);
            int headersRead = 0;
            Integer match = null;
            for (POP3MessageInfo info : listing) {
                if (memory.isKnown(info.identifier)) {
                    continue;
                }
                headersRead++;
                if (isProbe(readHeaders(session, info.number), probe)) {
                    match = info.number;
                    break;
                }
                memory.remember(info.identifier);
            }
            if (match != null) {
                session.step("DELE " + match);
                session.arm();
                session.expect(session.client().deleteMessage(match), "DELE refused");
            }
            session.quit();
            return new Outcome(match != null, listing.length, headersRead);
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

    static boolean isProbe(MessageHeaders headers, ProbeMessage probe) {
        String mark = "{" + probe.guid() + "}";
        List<String> subjects = headers.values("Subject");
        boolean subjectMatches = subjects.stream().anyMatch(s -> s.contains(ProbeMessage.SUBJECT_MARK + mark));
        boolean headerMatches = headers.values(ProbeMessage.PROBE_HEADER).stream()
                .anyMatch(v -> v.equals(probe.probeHeaderValue()));
        return subjectMatches && headerMatches;
    }
}
