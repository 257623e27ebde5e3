package io.mailtrip.sensor.smtppop3;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static io.mailtrip.mailkit.settings.MailSettings.SMTP_HOST;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_HOST;
import static org.assertj.core.api.Assertions.assertThat;

/** Hosts given as IPv6 literals, with and without brackets, reach servers listening on ::1. */
class Ipv6RoundTripTest {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void roundTripOverIpv6Loopback(String host) throws Exception {
        int smtpPort;
        int pop3Port;
        try {
            smtpPort = freePort();
            pop3Port = freePort();
        } catch (IOException e) {
            Assumptions.abort("this machine has no IPv6 loopback: " + e.getMessage());
            return;
        }
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "::1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(pop3Port, "::1", ServerSetup.PROTOCOL_POP3)});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig()
                .withUser(MailServers.PROBE, "probe", MailServers.PROBE_PASSWORD));
        greenMail.start();
        try {
            Map<String, String> settings = MailServers.plain(greenMail)
                    .with(SMTP_HOST, host)
                    .with(POP3_HOST, host).map();

            SensorResult result = Sensors.runOnce(settings);

            assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        } finally {
            greenMail.stop();
        }
    }
}
