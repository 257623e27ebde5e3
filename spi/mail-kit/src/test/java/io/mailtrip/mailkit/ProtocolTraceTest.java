package io.mailtrip.mailkit;

import org.apache.commons.net.ProtocolCommandEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolTraceTest {

    private static final Object SOURCE = new Object();

    @Test
    void credentialsAreHiddenAndTheAuthExchangeEndsAtItsFinalReply() {
        ProtocolTrace trace = new ProtocolTrace();
        trace.leg("smtp");
        trace.protocolCommandSent(new ProtocolCommandEvent(SOURCE, "AUTH", "AUTH PLAIN dXNlcgB1c2VyAHNlY3JldA==\r\n"));
        trace.protocolReplyReceived(new ProtocolCommandEvent(SOURCE, 334, "334 \r\n"));
        trace.protocolCommandSent(new ProtocolCommandEvent(SOURCE, "", "c2VjcmV0\r\n"));
        trace.protocolReplyReceived(new ProtocolCommandEvent(SOURCE, 235, "235 2.7.0 ok\r\n"));
        trace.protocolCommandSent(new ProtocolCommandEvent(SOURCE, "MAIL", "MAIL FROM:<a@example.org>\r\n"));
        trace.leg("pop3");
        trace.protocolCommandSent(new ProtocolCommandEvent(SOURCE, "PASS", "PASS secret\r\n"));

        assertThat(trace.lines()).containsExactly("smtp> AUTH PLAIN", "smtp< 334", "smtp> ******", "smtp< 235 2.7.0 ok",
                "smtp> MAIL FROM:<a@example.org>", "pop3> PASS ******");
        assertThat(String.join("\n", trace.lines())).doesNotContain("secret", "c2VjcmV0", "dXNlcgB1c2VyAHNlY3JldA");
    }

    @Test
    void aReplyIsSplitIntoItsLinesAsTheRegularExpressionWould() {
        // The reply split is hand-written for speed; the rule is String.split("\r?\n") without empty lines.
        Random random = new Random(41);
        char[] alphabet = {'2', '5', '0', ' ', 'x', '\r', '\n'};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder reply = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                reply.append(alphabet[random.nextInt(alphabet.length)]);
            }
            ProtocolTrace trace = new ProtocolTrace();
            trace.leg("pop3");
            trace.protocolReplyReceived(new ProtocolCommandEvent(SOURCE, 0, reply.toString()));
            List<String> expected = new ArrayList<>();
            for (String line : reply.toString().split("\r?\n")) {
                if (!line.isEmpty()) {
                    expected.add(OneLine.of("pop3< " + line, 160));
                }
            }
            assertThat(trace.lines()).as("%s", reply.toString().replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(expected);
        }
    }
}
