package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.PhaseFailure;

import java.util.Optional;

/**
 * Removes one probe and nothing else. With UIDPLUS: {@code UID STORE <uid> +FLAGS.SILENT (\Deleted)}
 * then {@code UID EXPUNGE <uid>} (RFC 4315 section 2.1), which expunges only that UID. Never a plain
 * {@code EXPUNGE} or {@code CLOSE}: they remove every message flagged {@code \Deleted}, including mail
 * another client flagged and has not expunged yet (RFC 9051 sections 6.4.3, 6.4.2). Without UIDPLUS,
 * {@code UID MOVE} (RFC 6851 section 3.2, which expunges only what it moved) into imapMoveFolder;
 * without either, the probe stays flagged {@code \Deleted} and the result says so.
 */
final class ImapDelete {

    /** What happened to a probe. */
    enum Removal {
        EXPUNGED, MOVED, LEFT_FLAGGED;

        boolean gone() {
            return this != LEFT_FLAGGED;
        }
    }

    private ImapDelete() {
    }

    static Removal remove(ImapSession session, long uid, Optional<String> moveFolder) throws PhaseFailure {
        if (!session.offers("UIDPLUS") && moveFolder.isPresent() && session.offers("MOVE")) {
            session.command("UID MOVE", "UID MOVE " + uid + " " + ImapText.quoted(moveFolder.get()));
            return Removal.MOVED;
        }
        session.command("UID STORE", "UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)");
        if (session.offers("UIDPLUS")) {
            session.command("UID EXPUNGE", "UID EXPUNGE " + uid);
            return Removal.EXPUNGED;
        }
        return Removal.LEFT_FLAGGED;
    }

    /** The note for a result when a probe could not be removed. */
    static String leftFlaggedNote(Optional<String> moveFolder, boolean moveOffered) {
        return "server offers no UIDPLUS" + (moveFolder.isPresent() ? (moveOffered ? "" : " and no MOVE")
                : (moveOffered ? " and imapMoveFolder is not set" : " and no MOVE"))
                + ": probe left flagged \\Deleted (a plain EXPUNGE would remove other clients' \\Deleted mail)";
    }
}
