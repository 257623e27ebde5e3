package io.mailtrip.sensor.smtpimap;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Removes this sensor's own stale probes: those whose stamp names this sensor's key and that are older
 * than maxTripTime or whose run gave up on them (the same rule as the POP3 sensor's sweep). Another
 * sensor's probes, and anything whose stamp or subject does not agree, are left alone. Probes already
 * flagged {@code \Deleted} (left by a server without UIDPLUS) are not searched again.
 */
final class ImapSweep {

    /** Probes removed per session at most, so one run never turns into a long clean-up. */
    static final int MAX_PER_SESSION = 20;

    /** What a sweep did. */
    record Swept(int removed, int leftFlagged) {
    }

    private ImapSweep() {
    }

    static Swept run(ImapSession session, String sensorKey, String currentGuid, Predicate<ProbeStamp> stale,
                     Optional<String> moveFolder) throws PhaseFailure {
        List<ImapFind.Found> own = ImapFind.search(session, "UNDELETED", "sensor=" + sensorKey + ";");
        int removed = 0;
        int leftFlagged = 0;
        for (ImapFind.Found found : own) {
            if (removed + leftFlagged == MAX_PER_SESSION) {
                break;
            }
            ProbeStamp stamp = found.stamp();
            if (!stamp.sensorKey().equals(sensorKey) || stamp.guid().equals(currentGuid) || !stale.test(stamp)) {
                continue;
            }
            if (ImapDelete.remove(session, found.uid(), moveFolder).gone()) {
                removed++;
            } else {
                leftFlagged++;
            }
        }
        return new Swept(removed, leftFlagged);
    }
}
