package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.probe.AbandonedProbes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the sensor instance remembers about its mailbox between polls and runs: UIDs already looked at
 * and found not to be its probes (so each poll reads headers only of new messages: TOP only for unseen
 * UIDs; pruned to the UIDs still present), the UIDs by position after the last poll (so the next one
 * need not list the whole mailbox), and the GUIDs of probes whose run gave up (a probe arriving after
 * its run ended is late, never a later run's arrival).
 */
final class MailboxMemory {

    private final Set<String> known = new HashSet<>();
    private List<String> listing = List.of();
    private final AbandonedProbes abandoned = new AbandonedProbes();

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

    /**
     * The UIDs by position after the last successful poll, handed out once: a poll that fails before its
     * QUIT leaves nothing behind, so the next one lists the mailbox in full.
     */
    List<String> takeListing() {
        List<String> taken = listing;
        listing = List.of();
        return taken;
    }

    void rememberListing(List<String> uidsByPosition) {
        listing = List.copyOf(uidsByPosition);
    }

    /** Probes whose run gave up, shared with the {@link io.mailtrip.mailkit.probe.ProbeSweep}. */
    AbandonedProbes abandoned() {
        return abandoned;
    }
}
