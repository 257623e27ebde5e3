package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.PhaseFailure;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.probe.ProbeSweep;

import java.util.List;
import java.util.Optional;

/**
 * Removes this sensor's own stale probes with the mail kit's rule ({@link ProbeSweep}: same sensor id and
 * key, and given up or older than maxTripTime), the same rule as the POP3 sensor's. Another sensor's
 * probes, and anything whose stamp or subject does not agree, are left alone. The search asks the server
 * for this sensor's key only and skips messages already flagged {@code \Deleted} (left by a server
 * without UIDPLUS), so they are not counted again.
 */
final class ImapSweep {

    /** Probes removed per session at most, so one run never turns into a long clean-up. */
    static final int MAX_PER_SESSION = 20;

    /** What a sweep did. */
    record Swept(int removed, int leftFlagged) {
    }

    private ImapSweep() {
    }

    static Swept run(ImapSession session, ProbeSweep rule, ProbeMessage current, Optional<String> moveFolder)
            throws PhaseFailure {
        List<ImapFind.Found> own = ImapFind.search(session, "UNDELETED", "sensor=" + current.stamp().sensorKey() + ";");
        long now = System.currentTimeMillis();
        int removed = 0;
        int leftFlagged = 0;
        for (ImapFind.Found found : own) {
            if (removed + leftFlagged == MAX_PER_SESSION) {
                break;
            }
            if (rule.judge(Optional.of(found.stamp()), current, now) != ProbeSweep.Verdict.LATE) {
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
