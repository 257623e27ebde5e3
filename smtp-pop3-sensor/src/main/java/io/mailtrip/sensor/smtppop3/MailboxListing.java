package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.PeerLimits;
import io.mailtrip.mailkit.PhaseFailure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.net.pop3.POP3MessageInfo;

/**
 * The numbers and UIDs of a poll's maildrop, read without a full UIDL listing when the sensor knows
 * the mailbox: a whole listing costs about 11-24 bytes per message on every poll (BENCHMARKS.md).
 * Maildrops only grow at the end and shrink by deletion, and UIDs are unique (RFC 1939 section 7),
 * so when {@code UIDL N} still names the UID the sensor remembered at the last position N, messages
 * 1..N are the remembered ones and only N+1..STAT are new. Any other answer, or many new messages,
 * falls back to the full listing.
 */
final class MailboxListing {

    /** Above this many new messages one full listing is cheaper than one UIDL command each. */
    static final int MAX_SINGLE_UIDLS = 16;

    private MailboxListing() {
    }

    /**
     * @param remembered UIDs by position after the last successful poll (its deletions applied), empty
     *                   when not known
     */
    static List<POP3MessageInfo> read(Pop3Connection session, List<String> remembered)
            throws IOException, PhaseFailure {
        if (!remembered.isEmpty()) {
            Optional<List<POP3MessageInfo>> grown = grownFrom(session, remembered);
            if (grown.isPresent()) {
                return grown.get();
            }
        }
        // The listing has its own limit (entries), enforced while it is read (issue 13).
        session.leg().step("UIDL", session.client(), PeerLimits.Reply.LISTING);
        POP3MessageInfo[] listing = session.client().listUniqueIdentifiers();
        if (listing == null) {
            throw session.leg().refused("UIDL refused", session.client().getReplyString());
        }
        return Arrays.asList(listing);
    }

    private static Optional<List<POP3MessageInfo>> grownFrom(Pop3Connection session, List<String> remembered)
            throws IOException {
        session.leg().step("STAT", session.client());
        POP3MessageInfo status = session.client().status();
        int known = remembered.size();
        if (status == null || status.number < known || status.number - known > MAX_SINGLE_UIDLS) {
            return Optional.empty();
        }
        session.leg().step("UIDL " + known, session.client());
        POP3MessageInfo last = session.client().listUniqueIdentifier(known);
        if (last == null || !remembered.get(known - 1).equals(last.identifier)) {
            return Optional.empty();
        }
        List<POP3MessageInfo> listing = new ArrayList<>(status.number);
        for (int number = 1; number <= known; number++) {
            listing.add(new POP3MessageInfo(number, remembered.get(number - 1)));
        }
        for (int number = known + 1; number <= status.number; number++) {
            session.leg().step("UIDL " + number, session.client());
            POP3MessageInfo added = session.client().listUniqueIdentifier(number);
            if (added == null) {
                return Optional.empty();
            }
            listing.add(added);
        }
        return Optional.of(listing);
    }
}
