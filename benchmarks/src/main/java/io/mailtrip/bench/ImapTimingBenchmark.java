package io.mailtrip.bench;

import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 14, IMAP detection lag: the error of the reported IMAP leg against the real stack's own delivery
 * moment (the maildir file's modification time, as {@link TimingBenchmark} takes it for POP3), for
 * {@code imapWait} idle and poll. Error = result start + SMTP leg + IMAP leg (found and removed) minus
 * the delivery moment, the same definition as the POP3 figure.
 *
 * <p>Usage: {@code ImapTimingBenchmark [runs=10] [imapInterval=1]}; needs {@code eval "$(scripts/mailstack env)"}.
 * Plain listeners (SMTP without TLS, IMAP without TLS), the stack's IMAP probe mailbox.
 */
public final class ImapTimingBenchmark {

    private ImapTimingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String interval = args.length > 1 ? args[1] : "1";
        if (!"1".equals(System.getenv("MAILTRIP_STACK"))) {
            throw new IllegalStateException("no mail stack: run scripts/mailstack start; eval \"$(scripts/mailstack env)\"");
        }
        String host = System.getenv("MAILTRIP_STACK_HOST");
        String probe = System.getenv("MAILTRIP_STACK_IMAP_PROBE");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("from", System.getenv("MAILTRIP_STACK_SENDER"));
        settings.put("to", probe);
        settings.put("heloIdent", "bench.mailtrip.test");
        settings.put("smtpHost", host);
        settings.put("smtpPort", System.getenv("MAILTRIP_STACK_SMTP_NOTLS_PORT"));
        settings.put("smtpSecurity", "none");
        settings.put("smtpTimeout", "5");
        settings.put("imapHost", host);
        settings.put("imapPort", System.getenv("MAILTRIP_STACK_IMAP_PORT"));
        settings.put("imapSecurity", "none");
        settings.put("imapTimeout", "30");
        settings.put("imapUser", probe);
        settings.put("imapPassword", System.getenv("MAILTRIP_STACK_IMAP_PROBE_PASSWORD"));
        settings.put("imapInterval", interval);
        settings.put("maxTripTime", "60");
        try (MaildirArrivals maildir = new MaildirArrivals(
                Path.of(System.getenv("MAILTRIP_STACK_MAILDIR_ROOT")).resolve(probe))) {
            for (String wait : List.of("idle", "poll")) {
                settings.put("imapWait", wait);
                measure(settings, runs, maildir);
            }
        }
    }

    private static void measure(Map<String, String> settings, int runs, MaildirArrivals maildir) throws Exception {
        List<Double> errors = new ArrayList<>();
        List<Double> legs = new ArrayList<>();
        List<Double> delivery = new ArrayList<>();
        int missing = 0;
        try (Sensor sensor = RoundTripSetup.sensor("smtp-imap-roundtrip", settings)) {
            RoundTripSetup.runOnce(sensor); // warm-up: class loading and JIT, not measured
            for (int run = 0; run < runs; run++) {
                SensorResult result = RoundTripSetup.runOnce(sensor);
                if (result.status() != Status.UP) {
                    throw new IllegalStateException("round trip not UP: " + result.message());
                }
                double smtp = result.channel("smtp").value();
                double imap = result.channel("imap").value();
                Optional<String> guid = RoundTripSetup.probeGuid(result);
                Optional<Instant> arrival = guid.isEmpty() ? Optional.empty() : maildir.arrival(guid.get());
                if (arrival.isEmpty()) {
                    missing++;
                    continue;
                }
                Instant found = result.start().plusNanos(Math.round((smtp + imap) * 1e6));
                double error = Duration.between(arrival.get(), found).toNanos() / 1e6;
                errors.add(error);
                legs.add(imap);
                delivery.add(imap - error);
            }
        }
        System.out.printf(Locale.ROOT, "real stack (Postfix 3.7 + Dovecot 2.3 LMTP/maildir), imapWait=%s, imapInterval=%s s:"
                + " %d runs%s; %s%n", settings.get("imapWait"), settings.get("imapInterval"), runs,
                missing == 0 ? "" : " (" + missing + " without a server timestamp, left out)", MachineLoad.now());
        System.out.println("  error of the IMAP leg, ms (reported found and removed - server delivery): "
                + Spread.of(errors).describe("%.1f"));
        System.out.println("  reported IMAP leg, ms:                                                   "
                + Spread.of(legs).describe("%.1f"));
        System.out.println("  true receive leg (server delivery - SMTP acceptance), ms:                "
                + Spread.of(delivery).describe("%.1f"));
    }
}
