package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.probe.MessageHeaders;
import io.mailtrip.mailkit.probe.ProbeStamp;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds messages by their probe header on the server ({@code UID SEARCH HEADER}, RFC 9051 section
 * 6.4.4; a substring match), then confirms each candidate from two header fields fetched with
 * {@code BODY.PEEK} (section 6.4.5), which never sets {@code \Seen} and never downloads a body. A
 * candidate whose subject or stamp does not agree is somebody else's mail and is left alone.
 */
final class ImapFind {

    /** Candidates looked at per search: more than this many matches of one GUID is not a probe. */
    static final int MAX_CANDIDATES = 100;
    static final String FIELDS = "(SUBJECT " + ProbeStamp.HEADER.toUpperCase(java.util.Locale.ROOT) + ")";

    /** A confirmed probe. */
    record Found(long uid, ProbeStamp stamp) {
    }

    private ImapFind() {
    }

    /** The messages whose probe header contains {@code text}, confirmed as probes. */
    static List<Found> search(ImapSession session, String text) throws PhaseFailure {
        return search(session, "", text);
    }

    /** @param criteria further search keys put before the header test ("UNDELETED"), or "" */
    static List<Found> search(ImapSession session, String criteria, String text) throws PhaseFailure {
        ImapSession.Reply reply = session.command("UID SEARCH", "UID SEARCH " + (criteria.isEmpty() ? "" : criteria
                + " ") + "HEADER " + ProbeStamp.HEADER + " " + ImapText.quoted(text));
        List<Long> uids;
        try {
            uids = ImapText.searchUids(reply.untagged(), MAX_CANDIDATES);
        } catch (ImapWire.Malformed e) {
            throw session.leg().fail(e.getMessage());
        }
        List<Found> found = new ArrayList<>();
        for (long uid : uids) {
            confirm(session, uid).ifPresent(found::add);
        }
        return found;
    }

    /** Fetches the two fields of one message and reads its stamp, if the message is a probe. */
    static Optional<Found> confirm(ImapSession session, long uid) throws PhaseFailure {
        ImapSession.Reply reply = session.command("UID FETCH", "UID FETCH " + uid + " (BODY.PEEK[HEADER.FIELDS "
                + FIELDS + "])");
        for (ImapWire.Response response : reply.untagged()) {
            // "* n FETCH (UID u BODY[HEADER.FIELDS (...)] {size}" literal ")": the literal holds the fields.
            // Unsolicited FETCH responses (flag changes by other clients) may come too: match the UID.
            if (!response.word(1).equals("FETCH") || response.literals().isEmpty()
                    || !Pattern.compile("\\bUID " + uid + "\\b", Pattern.CASE_INSENSITIVE)
                    .matcher(response.text()).find()) {
                continue;
            }
            try {
                MessageHeaders headers = MessageHeaders.read(new StringReader(response.literals().get(0)));
                return ProbeStamp.of(headers).map(stamp -> new Found(uid, stamp));
            } catch (IOException e) {
                throw session.leg().fail("unreadable header fields of UID " + uid);
            }
        }
        return Optional.empty();
    }
}
