package io.mailtrip.mailkit.probe;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeGuidTest {

    @Test
    void guidsAreRandomVersion4UuidsAndNeverRepeat() {
        Set<UUID> seen = new HashSet<>();
        int[] bitsSet = new int[122];
        for (int i = 0; i < 2_000; i++) {
            UUID guid = ProbeMessage.randomGuid();
            assertThat(guid.version()).isEqualTo(4);
            assertThat(guid.variant()).isEqualTo(2);
            assertThat(seen.add(guid)).isTrue();
            // The 122 random bits: each is set in roughly half of the GUIDs.
            long high = guid.getMostSignificantBits() & ~0xF000L;
            long low = guid.getLeastSignificantBits() & ~(0xC000_0000_0000_0000L);
            int bit = 0;
            for (int b = 0; b < 64; b++) {
                if (b >= 12 && b < 16) {
                    continue;
                }
                bitsSet[bit++] += (int) (high >>> b & 1);
            }
            for (int b = 0; b < 62; b++) {
                bitsSet[bit++] += (int) (low >>> b & 1);
            }
        }
        for (int count : bitsSet) {
            assertThat(count).isBetween(800, 1_200);
        }
    }

    @Test
    void theProbeCarriesItsGuidInUpperCaseInSubjectAndStamp() {
        ProbeMessage probe = ProbeMessage.create("smtp-pop3-roundtrip", "key", "", "a@example.org", "b@example.org",
                "h.example.org", Instant.parse("2026-11-29T16:00:00Z"));
        assertThat(probe.guid()).matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
        assertThat(probe.subjectHeader()).endsWith("{" + probe.guid() + "}");
        assertThat(probe.text()).contains(probe.guid().toLowerCase(java.util.Locale.ROOT) + ".smtp-pop3-roundtrip@");
    }
}
