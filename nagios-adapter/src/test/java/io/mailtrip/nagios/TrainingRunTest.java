package io.mailtrip.nagios;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.SensorDescriptor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive's training run walks a whole clear-text round trip (issue 16): the probe is sent, found,
 * deleted, and the plugin prints OK; the peer's mailbox is empty again, so a second run finds its own probe.
 */
class TrainingRunTest {

    private static final String[] SCRIPT_OPTIONS = {"--from", "probe@localhost", "--to", "probe@localhost",
            "--smtp-host", "127.0.0.1", "-t", "10", "-v"};

    @Test
    void theTrainingCheckIsARealRoundTripAgainstThePeer() throws Exception {
        SensorDescriptor descriptor = Sensors.roundTripProvider().descriptor();
        try (TrainingPeer peer = TrainingPeer.start()) {
            for (int run = 1; run <= 2; run++) {
                NagiosPlugin.Printed printed = TrainingRun.run(descriptor.id(), descriptor, peer, SCRIPT_OPTIONS);
                assertThat(printed.state()).as(printed.text()).isEqualTo(PluginState.OK);
                assertThat(printed.text()).contains("SMTP-POP3 OK - ").contains("1 poll)")
                        .doesNotContain("late probe").doesNotContain("duplicate");
            }
        }
    }

    @Test
    void onlyTheLegsThePeerSpeaksArePointedAtItInClearText() throws Exception {
        SensorDescriptor descriptor = Sensors.roundTripProvider().descriptor();
        try (TrainingPeer peer = TrainingPeer.start()) {
            assertThat(TrainingRun.peerOptions(descriptor, peer)).containsExactly(
                    "--smtp-port", String.valueOf(peer.port("smtp")), "--smtp-security", "none",
                    "--pop3-port", String.valueOf(peer.port("pop3")), "--pop3-security", "none",
                    "--pop3-user", TrainingRun.GIVEN);
        }
    }
}
