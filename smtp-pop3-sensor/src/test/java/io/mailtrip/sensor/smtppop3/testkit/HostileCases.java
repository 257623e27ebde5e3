package io.mailtrip.sensor.smtppop3.testkit;

import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.mailkit.testing.FakeMailbox;
import io.mailtrip.mailkit.testing.FakeSmtpServer;
import io.mailtrip.mailkit.testing.hostile.HostilePop3;
import io.mailtrip.mailkit.testing.hostile.HostileServer;
import io.mailtrip.mailkit.testing.hostile.HostileSmtp;
import io.mailtrip.spi.Status;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_TIMEOUT;

/**
 * The hostile-server cases of issue 13 for the round-trip sensor, with what each must give: status,
 * phase, step and the words of the reason (a limit named, or the run deadline). Stable API for the
 * sensor's fault suite and for the hosts' (the Nagios plugin under {@code -Xmx96m}, the runner): start a
 * case, run the sensor with {@link Running#settings()} and at most {@link #deadline()}, compare.
 */
public enum HostileCases {

    SMTP_ENDLESS_GREETING_LINE("smtp", "greeting", "reply line exceeds 65536 bytes", HostileSmtp.endlessGreetingLine(),
            null),
    SMTP_ENDLESS_MULTILINE_GREETING("smtp", "greeting", "reply exceeds 1000 lines",
            HostileSmtp.endlessMultilineGreeting(), null),
    SMTP_ENDLESS_EHLO_REPLY("smtp", "EHLO", "reply exceeds 1000 lines", HostileSmtp.endlessEhloReply(), null),
    SMTP_ENDLESS_EHLO_LINE("smtp", "EHLO", "reply line exceeds 65536 bytes", HostileSmtp.endlessEhloLine(), null),
    SMTP_CONTROL_CHARACTERS("smtp", "greeting", "greeting refused: 554 evil",
            HostileSmtp.controlCharactersInGreeting(), null),
    POP3_ENDLESS_GREETING_LINE("pop3", "greeting", "reply line exceeds 65536 bytes", null,
            HostilePop3.Fault.ENDLESS_GREETING_LINE),
    POP3_ENDLESS_UIDL("pop3", "UIDL", "listing exceeds 100000 entries", null, HostilePop3.Fault.ENDLESS_UIDL),
    POP3_UIDL_OF_A_MILLION("pop3", "UIDL", "listing exceeds 100000 entries", null, HostilePop3.Fault.HUGE_UIDL),
    POP3_ENDLESS_TOP_HEADER("pop3", "TOP 1 0", "header exceeds 20000 lines", null,
            HostilePop3.Fault.ENDLESS_TOP_HEADER),
    POP3_ENDLESS_TOP_HEADER_LINE("pop3", "TOP 1 0", "reply line exceeds 65536 bytes", null,
            HostilePop3.Fault.ENDLESS_TOP_HEADER_LINE),
    POP3_RENUMBERS_AFTER_TOP("pop3", "UIDL 1", "refusing DELE 1", null, HostilePop3.Fault.RENUMBER_AFTER_TOP),
    POP3_CONTROL_CHARACTERS("pop3", "greeting", "greeting refused: -ERR evil", null,
            HostilePop3.Fault.CONTROL_CHARACTERS);

    /** Entries the {@link #POP3_UIDL_OF_A_MILLION} server lists. */
    public static final int MILLION = 1_000_000;

    private final String phase;
    private final String step;
    private final String reason;
    private final HostileServer.Script smtp;
    private final HostilePop3.Fault pop3;

    HostileCases(String phase, String step, String reason, HostileServer.Script smtp, HostilePop3.Fault pop3) {
        this.phase = phase;
        this.step = step;
        this.reason = reason;
        this.smtp = smtp;
        this.pop3 = pop3;
    }

    /** Every case ends DOWN: a limit or a refusal, never the deadline. */
    public Status status() {
        return Status.DOWN;
    }

    public String phase() {
        return phase;
    }

    /** The step the message names ({@code UIDL}, {@code TOP 1 0}). */
    public String step() {
        return step;
    }

    /** The words of the message after the step: {@code "<step>: <reason>"} is in the message. */
    public String reason() {
        return reason;
    }

    /** The deadline to run each case with; every case must end well within it. */
    public Duration deadline() {
        return Duration.ofSeconds(20);
    }

    /** Starts the servers: the hostile one, and well-behaved fakes for the other leg. */
    public Running start() throws IOException {
        FakeMailbox mailbox = new FakeMailbox();
        if (smtp != null) {
            HostileServer hostile = HostileServer.start(name(), smtp);
            // Nothing reaches POP3 when SMTP fails; a closed port stands in for it.
            return new Running(mailbox, null, hostile, null, hostile.port(), closedPort());
        }
        FakeSmtpServer fakeSmtp = FakeSmtpServer.plain(mailbox);
        HostilePop3 script = pop3 == HostilePop3.Fault.HUGE_UIDL ? HostilePop3.of(mailbox, pop3, MILLION)
                : HostilePop3.of(mailbox, pop3);
        HostileServer hostile = HostileServer.start(name(), script);
        return new Running(mailbox, fakeSmtp, hostile, script, fakeSmtp.port(), hostile.port());
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The started servers of one case. */
    public static final class Running implements AutoCloseable {
        private final FakeMailbox mailbox;
        private final FakeSmtpServer fakeSmtp;
        private final HostileServer hostile;
        private final HostilePop3 pop3;
        private final int smtpPort;
        private final int pop3Port;

        Running(FakeMailbox mailbox, FakeSmtpServer fakeSmtp, HostileServer hostile, HostilePop3 pop3, int smtpPort,
                int pop3Port) {
            this.mailbox = mailbox;
            this.fakeSmtp = fakeSmtp;
            this.hostile = hostile;
            this.pop3 = pop3;
            this.smtpPort = smtpPort;
            this.pop3Port = pop3Port;
        }

        /** Settings for the sensor: both legs in clear on 127.0.0.1, USER/PASS, short timeouts. */
        public SettingsFixture fixture() {
            return SettingsFixture.probe("sender@hostile.test", "probe@hostile.test", "sensor.hostile.test")
                    .smtp("127.0.0.1", smtpPort, "none").with(MailSettings.SMTP_TIMEOUT, 5)
                    .pop3("127.0.0.1", pop3Port, "none").with(POP3_TIMEOUT, 5)
                    .pop3Login("probe", "Hostile-Pop3-Pw").with(MailSettings.MAX_TRIP_TIME, 5);
        }

        public Map<String, String> settings() {
            return fixture().map();
        }

        public int smtpPort() {
            return smtpPort;
        }

        public int pop3Port() {
            return pop3Port;
        }

        /** The hostile server of the case. */
        public HostileServer hostile() {
            return hostile;
        }

        /** The hostile POP3 script (what it saw deleted), or null for an SMTP case. */
        public HostilePop3 pop3() {
            return pop3;
        }

        public FakeMailbox mailbox() {
            return mailbox;
        }

        @Override
        public void close() throws Exception {
            hostile.close();
            if (fakeSmtp != null) {
                fakeSmtp.close();
            }
            mailbox.close();
        }
    }
}
