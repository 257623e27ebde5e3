package io.mailtrip.spi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValueSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "mail.example.org", "a-b.c0", "127.0.0.1", "0.0.0.0", "::1", "[::1]",
            "2001:db8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.128", "fe80::", "xn--bcher-kva.de"})
    void validHosts(String host) {
        assertThat(ValueSyntax.isHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mail..example.org", "-a.org", "a-.org", "256.1.1.1", "1.2.3", "1.2.3.4.5", ":::1",
            "1::2::3", "2001:db8:0:0:0:0:0:0:1", "12345::", "host name", "mail_server.org", "[::1", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.org",
            "::ffff:1.2.3.999", "1:2:3:4:5:6:7"})
    void invalidHosts(String host) {
        assertThat(ValueSyntax.isHost(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe@example.org", "a.b+tag@mail.example.org", "x@localhost", "o'neil@example.org",
            "probe@[127.0.0.1]", "probe@[IPv6:::1]"})
    void validAddresses(String address) {
        assertThat(ValueSyntax.isEmailAddress(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe", "@example.org", "probe@", "a@b@c.org", "a b@example.org", "a@b.org,c@d.org",
            "<a@b.org>", ".a@b.org", "a.@b.org", "a..b@c.org", "a@-b.org", "a@[300.1.1.1]"})
    void invalidAddresses(String address) {
        assertThat(ValueSyntax.isEmailAddress(address)).isFalse();
    }
}
