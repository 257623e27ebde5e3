package io.mailtrip.bench;

import io.mailtrip.spi.Sensor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue 8, timing accuracy: the error of the reported POP3 leg against the server's own delivery
 * moment, and POP3 connections per round trip, for {@code pop3PollMode} backoff and fixed.
 *
 * <p>Error = the moment the sensor says the probe was there (run start + SMTP leg + POP3 leg) minus
 * the server's delivery moment: GreenMail's folder hook (in-process, fires inside DATA, before the 250
 * reply) or, on the real stack, the maildir file's modification time.
 *
 * <p>Usage: {@code TimingBenchmark greenmail|greenmail-relay|stack [runs=10] [pop3Interval=10]}. {@code
 * greenmail-relay} puts a relay that ACKs at once between sensor and GreenMail (removes GreenMail's
 * Nagle/delayed-ACK stalls). {@code stack} needs {@code eval "$(scripts/mailstack env)"}.
 */
public final class TimingBenchmark {

    private TimingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "greenmail";
        int runs = BenchArgs.integer(args, 1, 10);
        String interval = args.length > 2 ? args[2] : "10";
        if (server.equals("stack")) {
            runOnStack(runs, interval);
        } else {
            runOnGreenMail(runs, interval, server.equals("greenmail-relay"));
        }
    }

    private static void runOnGreenMail(int runs, String interval, boolean relay) throws Exception {
        try (BenchMailServer server = new BenchMailServer(0, 0, 0, -1);
             CountingProxy proxy = new CountingProxy(server.pop3Port())) {
            AtomicReference<Instant> delivered = new AtomicReference<>();
            server.onDelivery(BenchMailServer.PROBE, nanos -> delivered.set(Instant.now()));
            Map<String, String> settings = RoundTripSetup.plain("127.0.0.1", server.smtpPort(),
                    relay ? proxy.port() : server.pop3Port(), BenchMailServer.SENDER, BenchMailServer.PROBE, "probe",
                    BenchMailServer.PASSWORD);
            String label = relay ? "GreenMail 2.1.12 in-process, POP3 through a quick-ACK relay"
                    : "GreenMail 2.1.12 in-process, direct";
            // The hook fires once per delivered mail; the sensor's is the only mail in this mailbox.
            ReceiveLegErrors.Arrivals arrivals = result -> Optional.ofNullable(delivered.getAndSet(null));
            for (String mode : List.of("backoff", "fixed")) {
                measure(label, settings, mode, interval, runs, arrivals);
            }
        }
    }

    private static void runOnStack(int runs, String interval) throws Exception {
        String host = System.getenv("MAILTRIP_STACK_HOST");
        if (!"1".equals(System.getenv("MAILTRIP_STACK")) || host == null) {
            throw new IllegalStateException("no mail stack: run scripts/mailstack start; eval \"$(scripts/mailstack env)\"");
        }
        String probe = System.getenv("MAILTRIP_STACK_PROBE");
        Map<String, String> settings = RoundTripSetup.plain(host,
                Integer.parseInt(System.getenv("MAILTRIP_STACK_SMTP_NOTLS_PORT")),
                Integer.parseInt(System.getenv("MAILTRIP_STACK_POP3_NOTLS_PORT")),
                System.getenv("MAILTRIP_STACK_SENDER"), probe, probe, System.getenv("MAILTRIP_STACK_PROBE_PASSWORD"));
        try (MaildirArrivals maildir = new MaildirArrivals(
                Path.of(System.getenv("MAILTRIP_STACK_MAILDIR_ROOT")).resolve(probe))) {
            for (String mode : List.of("backoff", "fixed")) {
                measure("real stack (Postfix 3.7 + Dovecot 2.3 LMTP/maildir)", settings, mode, interval, runs,
                        maildir::arrival);
            }
        }
    }

    private static void measure(String server, Map<String, String> base, String mode, String interval, int runs,
                                ReceiveLegErrors.Arrivals arrivals) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(base);
        settings.put("pop3PollMode", mode);
        settings.put("pop3Interval", interval);
        ReceiveLegErrors legs;
        try (Sensor sensor = RoundTripSetup.sensor(settings)) {
            legs = ReceiveLegErrors.measure(sensor, "pop3", runs, arrivals);
        }
        System.out.printf(Locale.ROOT, "%s, pop3PollMode=%s, pop3Interval=%s s: %d runs%s; %s%n", server, mode, interval,
                runs, legs.missingNote(), MachineLoad.now());
        legs.print("found");
        ReceiveLegErrors.row("POP3 connections per round trip:",
                legs.measured().stream().map(r -> RoundTripSetup.polls(r).orElseThrow()).toList());
    }
}
