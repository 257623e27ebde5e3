package io.mailtrip.mailkit.probe;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeSweepTest {

    private static final long TRIP = 300_000;
    private final AbandonedProbes abandoned = new AbandonedProbes();
    private final ProbeSweep sweep = new ProbeSweep(abandoned, TRIP);
    private final Instant now = Instant.now();
    private final ProbeMessage current = probe("smtp-pop3-roundtrip", "key1", now);

    private static ProbeMessage probe(String id, String key, Instant sent) {
        return ProbeMessage.create(id, key, "", "a@example.org", "b@example.org", "h.example.org", sent);
    }

    private ProbeSweep.Verdict judge(ProbeMessage message) {
        return sweep.judge(Optional.of(message.stamp()), current, now.toEpochMilli());
    }

    @Test
    void onlyOwnProbesAreEverDeleted() {
        assertThat(sweep.judge(Optional.empty(), current, now.toEpochMilli())).isEqualTo(ProbeSweep.Verdict.FOREIGN);
        assertThat(judge(current)).isEqualTo(ProbeSweep.Verdict.CURRENT);
        Instant old = now.minusMillis(TRIP + 1);
        assertThat(judge(probe("smtp-pop3-roundtrip", "key1", old))).isEqualTo(ProbeSweep.Verdict.LATE);
        assertThat(judge(probe("smtp-pop3-roundtrip", "other", old))).isEqualTo(ProbeSweep.Verdict.FOREIGN);
        assertThat(judge(probe("smtp-imap-roundtrip", "key1", old))).isEqualTo(ProbeSweep.Verdict.FOREIGN);
        ProbeMessage recent = probe("smtp-pop3-roundtrip", "key1", now.minusSeconds(1));
        assertThat(judge(recent)).isEqualTo(ProbeSweep.Verdict.IN_FLIGHT);
        abandoned.giveUpOn(recent.guid());
        assertThat(judge(recent)).isEqualTo(ProbeSweep.Verdict.LATE);
    }

    @Test
    void theStampIsFoundOnlyWhenSubjectAndHeaderAgree() throws Exception {
        MessageHeaders headers = MessageHeaders.read(new java.io.StringReader(current.text()));
        assertThat(ProbeStamp.of(headers)).contains(current.stamp());
        MessageHeaders quoted = MessageHeaders.read(new java.io.StringReader(
                "Subject: Re: something\r\n" + ProbeStamp.HEADER + ": " + current.stamp().headerValue() + "\r\n\r\n"));
        assertThat(ProbeStamp.of(quoted)).isEmpty();
    }
}
