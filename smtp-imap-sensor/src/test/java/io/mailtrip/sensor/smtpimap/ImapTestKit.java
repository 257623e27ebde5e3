package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.Credentials;
import io.mailtrip.mailkit.Endpoint;
import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.ProtocolTrace;
import io.mailtrip.mailkit.Watchdog;
import io.mailtrip.mailkit.probe.AbandonedProbes;
import io.mailtrip.mailkit.probe.ProbeMessage;
import io.mailtrip.mailkit.probe.ProbeStamp;
import io.mailtrip.mailkit.probe.ProbeSweep;
import io.mailtrip.mailkit.testing.TestTls;
import io.mailtrip.mailkit.tls.TlsMode;
import io.mailtrip.mailkit.tls.TlsTrust;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Secret;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configs, legs and probes for driving the IMAP phases directly, without the SMTP leg. */
final class ImapTestKit {

    static final String KEY = "00112233aabbccdd";

    private final ProtocolTrace trace = new ProtocolTrace();

    static ImapTestKit create() {
        return new ImapTestKit();
    }

    static ImapConfig config(String host, int port, TlsMode tls, boolean idle) {
        return config(host, port, tls, idle, "probe", "Pr0be-secret");
    }

    static ImapConfig config(String host, int port, TlsMode tls, boolean idle, String user, String password) {
        return new ImapConfig(new Endpoint(host, port, Duration.ofSeconds(3), tls),
                Optional.of(new Credentials(user, new Secret(password))), "INBOX", idle, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Optional.empty());
    }

    /** The IMAP leg of a run with a 20 s deadline and its own watchdog. */
    Leg leg(ImapConfig config) {
        Deadline deadline = Deadline.in(Duration.ofSeconds(20));
        return new Leg(ImapSession.PHASE, config.endpoint(), trace, new Watchdog(deadline), deadline);
    }

    /** Logs in as {@code config} says, trusting {@code trust}. */
    ImapSession login(ImapConfig config, TlsTrust trust) throws Exception {
        return new ImapLogin(config, trust).open(leg(config));
    }

    List<String> trace() {
        return trace.lines();
    }

    /** The test trust store (GreenMail's and the fake servers' certificate). */
    static TlsTrust trust() {
        return TlsTrust.load(Optional.of(TestTls.trustStore()), Optional.of(new Secret(TestTls.TRUST_STORE_PASSWORD)),
                true);
    }

    static TlsTrust trust(Path store, String password) {
        return TlsTrust.load(Optional.of(store), Optional.of(new Secret(password)), true);
    }

    static ProbeMessage probe(String guid, long sentMillis) {
        return new ProbeMessage(new ProbeStamp(ImapCatalogue.SENSOR_ID, KEY, guid, sentMillis), "", "a@example.org",
                "b@example.org", "h.example.org");
    }

    static ProbeSweep rule() {
        return new ProbeSweep(new AbandonedProbes(), Duration.ofSeconds(60).toMillis());
    }
}
