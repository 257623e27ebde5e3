package io.mailtrip.bench;

import io.mailtrip.spi.Sensor;

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
        // A spare mailbox of its own: this measurement empties its mailbox after each mail.
        String spare = System.getenv("MAILTRIP_STACK_IMAP_SPARES").split(",")[1];
        settings.put("to", spare);
        settings.put("imapUser", spare);
        settings.put("imapPassword", System.getenv("MAILTRIP_STACK_SPARE_PASSWORD"));
        try (MaildirArrivals maildir = new MaildirArrivals(
                Path.of(System.getenv("MAILTRIP_STACK_MAILDIR_ROOT")).resolve(spare))) {
            pushOnly(settings, runs, maildir);
        }
    }

    /**
     * The server's own push lag, without the sensor's searches: a plain IDLE session on a spare mailbox
     * (emptied after each mail, which is why it is not the sensor's), one mail sent through Postfix, the
     * moment its {@code * n EXISTS} arrives minus the maildir file time.
     */
    private static void pushOnly(Map<String, String> settings, int runs, MaildirArrivals maildir) throws Exception {
        List<Double> lags = new ArrayList<>();
        try (java.net.Socket socket = new java.net.Socket(settings.get("imapHost"),
                Integer.parseInt(settings.get("imapPort")))) {
            socket.setSoTimeout(10_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            var out = socket.getOutputStream();
            in.readLine();
            command(out, in, "a LOGIN \"" + settings.get("imapUser") + "\" \"" + settings.get("imapPassword") + "\"", "a ");
            command(out, in, "b SELECT INBOX", "b ");
            for (int run = 0; run < runs; run++) {
                command(out, in, "c" + run + " IDLE", "+ ");
                String guid = java.util.UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
                org.apache.commons.net.smtp.SMTPClient smtp = new org.apache.commons.net.smtp.SMTPClient();
                smtp.connect(settings.get("smtpHost"), Integer.parseInt(settings.get("smtpPort")));
                smtp.helo("bench.mailtrip.test");
                smtp.sendSimpleMessage(settings.get("from"), settings.get("to"), "Subject: push " + guid
                        + "\r\nX-Mailtrip-Probe: bench; guid=" + guid + "\r\n\r\npush\r\n");
                smtp.disconnect();
                String line;
                do {
                    line = in.readLine();
                } while (line != null && !line.endsWith(" EXISTS"));
                Instant announced = Instant.now();
                command(out, in, "DONE", "c" + run + " ");
                Optional<Instant> arrival = maildir.arrival(guid);
                arrival.ifPresent(at -> lags.add(Duration.between(at, announced).toNanos() / 1e6));
                command(out, in, "d" + run + " STORE 1:* +FLAGS.SILENT (\\Deleted)", "d" + run + " ");
                command(out, in, "e" + run + " EXPUNGE", "e" + run + " ");
            }
        }
        System.out.printf(Locale.ROOT, "real stack, plain IDLE session (no sensor): %d mails; %s%n", runs,
                MachineLoad.now());
        System.out.println("  push lag, ms (* n EXISTS received - server delivery):                  "
                + Spread.of(lags).describe("%.1f"));
    }

    private static void command(java.io.OutputStream out, java.io.BufferedReader in, String line, String until)
            throws java.io.IOException {
        out.write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.flush();
        for (String reply = in.readLine(); reply != null && !reply.startsWith(until); reply = in.readLine()) {
            continue;
        }
    }

    private static void measure(Map<String, String> settings, int runs, MaildirArrivals maildir) throws Exception {
        ReceiveLegErrors legs;
        try (Sensor sensor = RoundTripSetup.sensor("smtp-imap-roundtrip", settings)) {
            legs = ReceiveLegErrors.measure(sensor, "imap", runs, maildir::arrival);
        }
        System.out.printf(Locale.ROOT, "real stack (Postfix 3.7 + Dovecot 2.3 LMTP/maildir), imapWait=%s, imapInterval=%s s:"
                + " %d runs%s; %s%n", settings.get("imapWait"), settings.get("imapInterval"), runs, legs.missingNote(),
                MachineLoad.now());
        legs.print("found and removed");
    }
}
