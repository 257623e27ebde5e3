package io.mailtrip.mailkit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeerInputTest {

    private static final PeerLimits SMALL = new PeerLimits(10, 3, 100, 50, 4, 5, 8, 1_000);

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[7];
        while (in.read(buffer, 0, buffer.length) >= 0) {
            continue;
        }
    }

    @Test
    void eachLimitIsNamedWhenCrossed() {
        PeerInput input = new PeerInput(SMALL);
        assertThatThrownBy(() -> drain(input.meter(stream("250-" + "x".repeat(20)))))
                .isInstanceOf(PeerLimitException.class).hasMessage("reply line exceeds 10 bytes");
        input.expect(PeerLimits.Reply.COMMAND);
        assertThatThrownBy(() -> drain(input.meter(stream("a\nb\nc\nd\n"))))
                .hasMessage("reply exceeds 3 lines");
        input.expect(PeerLimits.Reply.HEADER);
        assertThatThrownBy(() -> drain(input.meter(stream("A: 1\nB: 2\nC: 3\nD: 4\nE: 5\n"))))
                .hasMessage("header exceeds 4 lines");
        input.expect(PeerLimits.Reply.LISTING);
        assertThatThrownBy(() -> drain(input.meter(stream("+OK\n1 a\n2 b\n3 c\n4 d\n5 e\n6 f\n.\n"))))
                .hasMessage("listing exceeds 5 entries");
    }

    @Test
    void aListingAtItsLimitPassesAndEachStepStartsAfresh() throws IOException {
        PeerInput input = new PeerInput(SMALL);
        input.expect(PeerLimits.Reply.LISTING);
        drain(input.meter(stream("+OK\n1 a\n2 b\n3 c\n4 d\n5 e\n.\n")));
        input.expect(PeerLimits.Reply.COMMAND);
        drain(input.meter(stream("+OK\n")));
    }

    @Test
    void theRunLimitCountsEveryConnectionAndABypassedStreamCountsNothing() throws IOException {
        PeerInput input = new PeerInput(new PeerLimits(100, 100, 1_000, 1_000, 100, 100, 80, 30));
        PeerInput.MeteredStream bypassed = input.meter(stream("x\n".repeat(100)));
        bypassed.bypass();
        drain(bypassed);
        drain(input.meter(stream("ok\n".repeat(5))));
        input.expect(PeerLimits.Reply.COMMAND);
        assertThatThrownBy(() -> drain(input.meter(stream("ok\n".repeat(10)))))
                .hasMessage("run received more than 30 bytes");
    }
}
