package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.testing.FakeMailbox;
import io.mailtrip.sensor.smtppop3.fake.FakePop3Server;
import io.mailtrip.sensor.smtppop3.fake.FakeSettings;
import io.mailtrip.mailkit.testing.FakeServer;
import io.mailtrip.mailkit.testing.FakeSmtpServer;
import io.mailtrip.mailkit.testing.ServerIdentity;
import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.sensor.smtppop3.testkit.SettingsFixture;
import io.mailtrip.mailkit.testing.TestTls;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.mailtrip.mailkit.settings.MailSettings.MAX_TRIP_TIME;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_AUTH;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_AUTH_MECHANISM;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_PASSWORD;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_PORT;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_SECURITY;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_TIMEOUT;
import static io.mailtrip.mailkit.settings.MailSettings.SMTP_USER;
import static io.mailtrip.mailkit.settings.MailSettings.TRUST_STORE;
import static io.mailtrip.mailkit.settings.MailSettings.TRUST_STORE_PASSWORD;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_AUTH;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_INTERVAL;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_SECURITY;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection with scripted SMTP and POP3 servers: for every fault the sensor reports the documented
 * status and phase, ends within its limits plus 1 s, leaves no connection or thread behind, and in
 * enforce modes sends nothing in clear once TLS was refused.
 */
class FaultInjectionTest {

    /** The fake servers of one scenario. */
    record Fakes(FakeSmtpServer smtp, FakePop3Server pop3, FakeMailbox mailbox) {
    }

    /**
     * @param smtpTls   null for a plain SMTP server, else the certificate of an implicit-TLS one
     * @param pop3Tls   the same for POP3
     * @param faults    switches faults on
     * @param settings  changes the settings
     * @param deadline  the run deadline given by the host
     * @param maxTime   the configured limit the run must end within (plus 1 s)
     * @param check     further checks on the servers after the run
     */
    record Scenario(String name, ServerIdentity smtpTls, ServerIdentity pop3Tls, Consumer<Fakes> faults,
                    Consumer<SettingsFixture> settings, Duration deadline, Status status, String phase,
                    String fragment, Duration maxTime, Consumer<Fakes> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Duration BUDGET = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TRIP = Duration.ofSeconds(3);

    private static Scenario smtp(String name, Consumer<Fakes> faults, String fragment) {
        return new Scenario(name, null, null, faults, s -> { }, BUDGET, Status.DOWN, "smtp", fragment, TIMEOUT,
                f -> { });
    }

    private static Scenario pop3(String name, Consumer<Fakes> faults, String fragment) {
        return new Scenario(name, null, null, faults, s -> { }, BUDGET, Status.DOWN, "pop3", fragment,
                TIMEOUT.plus(TIMEOUT), f -> { });
    }

    private static Scenario with(Scenario s, Consumer<SettingsFixture> settings, Consumer<Fakes> check) {
        return new Scenario(s.name(), s.smtpTls(), s.pop3Tls(), s.faults(), settings, s.deadline(), s.status(),
                s.phase(), s.fragment(), s.maxTime(), check);
    }

    private static Scenario tls(Scenario s, ServerIdentity smtpTls, ServerIdentity pop3Tls) {
        return new Scenario(s.name(), smtpTls, pop3Tls, s.faults(), s.settings(), s.deadline(), s.status(), s.phase(),
                s.fragment(), s.maxTime(), s.check());
    }

    private static Consumer<Fakes> onlyInClear(String... lines) {
        return f -> assertThat(f.smtp().received().stream().map(l -> l.split(" ")[0]).toList())
                .as("lines sent in clear").containsExactly(lines);
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                smtp("smtp accepts and never greets", f -> f.smtp().stallAt("greeting"),
                        "greeting: no answer within 2 s (timeout)"),
                smtp("smtp greets then stalls at EHLO", f -> f.smtp().stallAt("EHLO"),
                        "EHLO: no answer within 2 s (timeout)"),
                new Scenario("smtp tarpit trickles the greeting one byte per second", null, null,
                        f -> f.smtp().trickleGreeting(), s -> { }, Duration.ofSeconds(4), Status.UNKNOWN, "smtp",
                        "greeting: run deadline reached", Duration.ofSeconds(4), f -> { }),
                smtp("smtp drops the connection in the middle of DATA", f -> f.smtp().dropInData(),
                        "DATA: server closed the connection"),
                smtp("smtp 554 at the greeting", f -> f.smtp().reply("greeting", "554 5.3.2 no service"),
                        "greeting: greeting refused: 554 5.3.2 no service"),
                smtp("smtp 500 at EHLO", f -> f.smtp().reply("EHLO", "500 5.5.1 what"), "EHLO: EHLO refused: 500"),
                with(smtp("smtp 535 at AUTH", f -> f.smtp().reply("AUTH", "535 5.7.8 bad credentials"),
                        "AUTH PLAIN: authentication failed for user sender: 535 5.7.8 bad credentials"),
                        s -> auth(s), f -> { }),
                smtp("smtp 451 at MAIL FROM", f -> f.smtp().reply("MAIL", "451 4.3.0 try later"),
                        "MAIL FROM: sender refused: 451 4.3.0 try later"),
                smtp("smtp 550 at RCPT TO", f -> f.smtp().reply("RCPT", "550 5.1.1 no such user"),
                        "RCPT TO: recipient refused: 550 5.1.1 no such user"),
                smtp("smtp 554 at DATA", f -> f.smtp().reply("DATA", "554 5.5.1 no valid recipients"),
                        "DATA: message refused: 554 5.5.1 no valid recipients"),
                smtp("smtp 452 after the final dot", f -> f.smtp().reply("EOD", "452 4.3.1 storage full"),
                        "DATA: message refused: 452 4.3.1 storage full"),
                with(smtp("smtp offers STARTTLS and breaks the handshake",
                        f -> f.smtp().breakStartTls(), "STARTTLS: "),
                        s -> { auth(s); s.with(SMTP_SECURITY, "enforceStartTls"); }, onlyInClear("EHLO", "STARTTLS")),
                with(smtp("smtp does not offer STARTTLS (downgrade), enforceStartTls", f -> { },
                        "STARTTLS: server does not offer STARTTLS (smtpSecurity=enforceStartTls); nothing sent in clear"),
                        s -> { auth(s); s.with(SMTP_SECURITY, "enforceStartTls"); }, onlyInClear("EHLO")),
                with(smtp("smtp refuses STARTTLS with 454, enforceStartTls",
                        f -> f.smtp().offerStartTls().reply("STARTTLS", "454 4.7.0 TLS not available"),
                        "STARTTLS: STARTTLS refused: 454 4.7.0 TLS not available"),
                        s -> { auth(s); s.with(SMTP_SECURITY, "enforceStartTls"); }, onlyInClear("EHLO", "STARTTLS")),
                tls(with(smtp("smtp certificate expired", f -> { }, "TLS certificate expired"),
                        s -> s.with(SMTP_SECURITY, "enforceTls"), f -> { }), ServerIdentity.EXPIRED, null),
                tls(with(smtp("smtp certificate self-signed, not trusted", f -> { },
                        "TLS certificate not trusted (no path to a trusted CA; set trustStore)"),
                        s -> s.with(SMTP_SECURITY, "enforceTls"), f -> { }), ServerIdentity.UNTRUSTED, null),
                tls(with(smtp("smtp certificate for another host", f -> { },
                        "TLS certificate does not match host 127.0.0.1 (verifyHostname=true)"),
                        s -> s.with(SMTP_SECURITY, "enforceTls"), f -> { }), ServerIdentity.WRONG_HOST, null),
                pop3("pop3 -ERR greeting", f -> f.pop3().reply("greeting", "-ERR go away"),
                        "greeting: greeting refused: -ERR go away"),
                pop3("pop3 accepts and never greets", f -> f.pop3().stallAt("greeting"),
                        "greeting: no answer within 2 s (timeout)"),
                pop3("pop3 -ERR at USER", f -> f.pop3().reply("USER", "-ERR no such user"),
                        "USER/PASS: login failed for user probe: -ERR no such user"),
                pop3("pop3 -ERR at PASS", f -> f.pop3().reply("PASS", "-ERR wrong password"),
                        "USER/PASS: login failed for user probe: -ERR wrong password"),
                pop3("pop3 maildrop locked", f -> f.pop3().reply("PASS", "-ERR [IN-USE] maildrop locked"),
                        "USER/PASS: login failed for user probe: -ERR [IN-USE] maildrop locked"),
                with(pop3("pop3 -ERR at APOP", f -> f.pop3().reply("APOP", "-ERR authentication failed"),
                        "APOP: login failed for user probe: -ERR authentication failed"),
                        s -> s.with(POP3_AUTH, "apop"), f -> { }),
                pop3("pop3 -ERR at UIDL", f -> f.pop3().reply("UIDL", "-ERR no UIDL here"),
                        "UIDL: UIDL refused: -ERR no UIDL here"),
                pop3("pop3 -ERR at TOP", f -> f.pop3().reply("TOP", "-ERR no TOP here"), "TOP 1 0: TOP refused"),
                pop3("pop3 -ERR at DELE", f -> f.pop3().reply("DELE", "-ERR cannot delete"),
                        "DELE 1: DELE refused: -ERR cannot delete"),
                with(pop3("pop3 -ERR at QUIT keeps the probe", f -> f.pop3().reply("QUIT", "-ERR update failed"),
                        "QUIT: QUIT refused; messages marked for deletion were kept"), s -> { },
                        f -> assertThat(f.mailbox().size()).isOne()),
                pop3("pop3 malformed UIDL listing", f -> f.pop3().malformedUidl(), "UIDL: "),
                with(pop3("pop3 offers STLS and breaks the handshake", f -> f.pop3().breakStls(), "STLS: "),
                        s -> s.with(POP3_SECURITY, "enforceStartTls"),
                        f -> assertThat(f.pop3().received()).containsExactly("CAPA", "STLS")),
                with(pop3("pop3 does not offer STLS (downgrade), enforceStartTls", f -> { },
                        "STLS: server does not offer STLS (pop3Security=enforceStartTls); nothing sent in clear"),
                        s -> s.with(POP3_SECURITY, "enforceStartTls"),
                        f -> assertThat(f.pop3().received()).containsExactly("CAPA")),
                tls(with(pop3("pop3 certificate expired", f -> { }, "TLS certificate expired"),
                        s -> s.with(POP3_SECURITY, "enforceTls"), f -> { }), null, ServerIdentity.EXPIRED),
                new Scenario("probe never delivered", null, null, f -> f.mailbox().delivery(FakeMailbox.Delivery.NEVER),
                        s -> { }, BUDGET, Status.DOWN, "pop3", "probe not received within maxTripTime 3 s",
                        TRIP.plus(TIMEOUT), f -> { }),
                new Scenario("probe delivered late", null, null, f -> {
                    f.mailbox().delivery(FakeMailbox.Delivery.LATE);
                    f.mailbox().lateBy(1_200);
                }, s -> { }, BUDGET, Status.UP, "pop3", "round trip", TRIP,
                        f -> assertThat(f.mailbox().size()).isZero()),
                new Scenario("probe delivered twice", null, null, f -> f.mailbox().delivery(FakeMailbox.Delivery.TWICE),
                        s -> { }, BUDGET, Status.UP, "pop3", "deleted 0 late probe(s) and 1 duplicate(s)", TRIP,
                        f -> assertThat(f.mailbox().size()).isZero()),
                new Scenario("smtp refuses the connection", null, null, f -> { }, s -> s.with(SMTP_PORT,
                        closedPort()), BUDGET, Status.DOWN, "smtp", "connect: connection failed",
                        TIMEOUT, f -> { }));
    }

    private static void auth(SettingsFixture settings) {
        settings.smtpLogin("sender", "Fake-Smtp-Pw-1").with(SMTP_AUTH_MECHANISM, "plain");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SettingsFixture settings(Fakes fakes) {
        return FakeSettings.fixture(fakes.smtp(), fakes.pop3()).with(SMTP_TIMEOUT, TIMEOUT.toSeconds())
                .with(POP3_TIMEOUT, TIMEOUT.toSeconds()).with(POP3_INTERVAL, 1).with(MAX_TRIP_TIME, TRIP.toSeconds())
                .with(TRUST_STORE, TestTls.trustStore()).with(TRUST_STORE_PASSWORD, TestTls.TRUST_STORE_PASSWORD);
    }

    @BeforeAll
    static void warmUp() throws Exception {
        // The first run starts the sensor's one shared watchdog thread; thread counts are compared after it.
        try (FakeMailbox mailbox = new FakeMailbox(); FakeSmtpServer smtp = FakeSmtpServer.plain(mailbox);
             FakePop3Server pop3 = FakePop3Server.plain(mailbox)) {
            SensorResult result = Sensors.runOnce(settings(new Fakes(smtp, pop3, mailbox)).map());
            assertThat(result.status()).as(result.message()).isEqualTo(Status.UP);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void faultIsReportedInItsPhaseWithinItsLimitsLeavingNothingBehind(Scenario scenario) throws Exception {
        long threadsBefore = liveThreadsExceptFakes();
        SensorResult result;
        long elapsedNanos;
        try (FakeMailbox mailbox = new FakeMailbox();
             FakeSmtpServer smtp = scenario.smtpTls() == null ? FakeSmtpServer.plain(mailbox)
                     : FakeSmtpServer.implicitTls(scenario.smtpTls(), mailbox);
             FakePop3Server pop3 = scenario.pop3Tls() == null ? FakePop3Server.plain(mailbox)
                     : FakePop3Server.implicitTls(scenario.pop3Tls(), mailbox)) {
            Fakes fakes = new Fakes(smtp, pop3, mailbox);
            scenario.faults().accept(fakes);
            SettingsFixture fixture = settings(fakes);
            scenario.settings().accept(fixture);
            Map<String, String> settings = fixture.map();

            long start = System.nanoTime();
            result = Sensors.runOnce(settings, scenario.deadline());
            elapsedNanos = System.nanoTime() - start;

            assertThat(result.status()).as(result.message()).isEqualTo(scenario.status());
            assertThat(result.phase()).isEqualTo(scenario.phase());
            assertThat(result.message()).contains(scenario.fragment());
            assertThat(Duration.ofNanos(elapsedNanos)).as("run time").isLessThan(scenario.maxTime().plusSeconds(1));
            awaitClosed(smtp);
            awaitClosed(pop3);
            scenario.check().accept(fakes);
            String everything = result.message() + String.join("\n", result.details()) + smtp.received()
                    + pop3.received();
            assertThat(result.message() + String.join("\n", result.details()))
                    .doesNotContain("Fake-Smtp-Pw-1").doesNotContain(FakeSettings.POP3_PASSWORD);
            assertThat(everything).isNotEmpty();
        }
        assertThat(liveThreadsExceptFakes()).as("threads left behind").isLessThanOrEqualTo(threadsBefore);
    }

    private static void awaitClosed(FakeServer<?> server) throws InterruptedException {
        // A tarpit writes one byte a second and notices a closed client only at its next write: allow
        // two of its writes, not one (a 1 s wait raced it).
        for (int i = 0; i < 125 && server.openConnections() > 0; i++) {
            Thread.sleep(20);
        }
        assertThat(server.openConnections()).as("connections the sensor left open").isZero();
    }

    private static long liveThreadsExceptFakes() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).filter(t -> !t.getName().startsWith("fake-")).count();
    }

    @SuppressWarnings("unused")
    private static List<String> names() {
        return scenarios().map(Scenario::name).toList();
    }
}
