package io.mailtrip.sensor.smtppop3;

import java.util.HashSet;
import java.util.Set;

/**
 * UIDs already looked at and found not to be the probe. Kept by the sensor instance across polls and
 * runs, so each poll reads headers only of new messages (UIDL once, TOP only for unseen UIDs), and
 * pruned to the UIDs still in the mailbox so it never grows past the mailbox's size.
 */
final class MailboxMemory {

    private final Set<String> known = new HashSet<>();

    boolean isKnown(String uid) {
        return known.contains(uid);
    }

    void remember(String uid) {
        known.add(uid);
    }

    /** Forgets UIDs that are no longer in the mailbox. */
    void retainOnly(Set<String> present) {
        known.retainAll(present);
    }

    int size() {
        return known.size();
    }
}
