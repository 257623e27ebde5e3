package io.mailtrip.mailkit.probe;

import io.mailtrip.mailkit.Endpoint;
import io.mailtrip.mailkit.tls.TlsMode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    @Test
    void fipsExamples() {
        // FIPS 180-4 / NIST CSRC example values: "abc" and the two-block 448-bit message.
        assertThat(hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        assertThat(hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void sameDigestAsTheJdkForEveryLengthAroundTheBlockEdges() throws Exception {
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(16);
        for (int length = 0; length < 300; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            assertThat(Sha256.digest(message)).as("length " + length).isEqualTo(jdk.digest(message));
        }
    }

    @Test
    void theSensorKeyIsTheOneEarlierVersionsComputed() throws Exception {
        Endpoint smtp = new Endpoint("mx.example.org", 25, Duration.ofSeconds(30), TlsMode.NONE);
        Endpoint pop3 = new Endpoint("pop.example.org", 110, Duration.ofSeconds(30), TlsMode.NONE);
        String identity = "probe@example.org\nbox@example.org\nmx.example.org\n25\npop.example.org\n110";
        byte[] jdk = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
        assertThat(SensorKey.of("Probe@Example.org", "box@example.org", smtp, pop3))
                .isEqualTo(HexFormat.of().formatHex(jdk, 0, 8));
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(Sha256.digest(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
