package io.mailtrip.sensor.smtpimap;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImapWireTest {

    private static ImapWire wire(String text) {
        return new ImapWire(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                new ByteArrayOutputStream());
    }

    @Test
    void readsTaggedUntaggedAndContinuation() throws Exception {
        ImapWire wire = wire("* 3 EXISTS\r\n+ idling\r\nm1 OK done\r\n");
        ImapWire.Response exists = wire.read();
        assertThat(exists.untagged()).isTrue();
        assertThat(exists.word(0)).isEqualTo("3");
        assertThat(exists.word(1)).isEqualTo("EXISTS");
        assertThat(wire.read().continuation()).isTrue();
        ImapWire.Response done = wire.read();
        assertThat(done.tag()).isEqualTo("m1");
        assertThat(done.word(0)).isEqualTo("OK");
    }

    @Test
    void readsLiteralsIntoTheResponse() throws Exception {
        String fields = "Subject: x\r\nX-Mailtrip-Probe: a\r\n\r\n";
        ImapWire wire = wire("* 1 FETCH (UID 7 BODY[HEADER.FIELDS (SUBJECT)] {" + fields.length() + "}\r\n" + fields
                + ")\r\n");
        ImapWire.Response response = wire.read();
        assertThat(response.literals()).containsExactly(fields);
        assertThat(response.text()).isEqualTo("1 FETCH (UID 7 BODY[HEADER.FIELDS (SUBJECT)] {" + fields.length() + "})");
    }

    @Test
    void literalSizeAboveTheLimitIsRefusedBeforeReadingIt() {
        assertThatThrownBy(() -> wire("* 1 FETCH (BODY[] {999999999}\r\n").read())
                .isInstanceOf(ImapWire.Limit.class).hasMessage("literal of 999999999 bytes exceeds 65536 bytes");
        assertThatThrownBy(() -> wire("* 1 FETCH (BODY[] {99999999999999999999}\r\n").read())
                .isInstanceOf(ImapWire.Limit.class).hasMessageStartingWith("literal of 99999999999999999999 bytes");
    }

    @Test
    void closedInsideALiteralIsAnEndOfStream() {
        assertThatThrownBy(() -> wire("* 1 FETCH (BODY[] {100}\r\nshort").read()).isInstanceOf(EOFException.class);
    }

    @Test
    void refusesToSendALineBreakInsideACommand() {
        assertThatThrownBy(() -> wire("").send("m1 LOGIN a\r\nm2 EXPUNGE"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
