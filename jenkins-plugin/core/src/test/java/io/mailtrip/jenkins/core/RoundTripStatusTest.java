package io.mailtrip.jenkins.core;

import io.mailtrip.host.ResultHistory;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the plugin's periodic work does, without Jenkins: a form bound with credentials from a store,
 * core's {@link SensorRuns} running the sensors on the due schedule against GreenMail, results kept in
 * history and shown by the status view.
 */
class RoundTripStatusTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static final SensorProvider PROVIDER = SensorProviders.load(RoundTripStatusTest.class.getClassLoader())
            .require(BundledSensor.ID);
    private static final CredentialsLookup STORE = id -> id.equals("probe-mailbox")
            ? Optional.of(new UsernamePassword("probe", MailServers.PROBE_PASSWORD)) : Optional.empty();

    /** The GreenMail settings as the Jenkins form submits them: the POP3 login as a credentials id. */
    private static Map<String, String> form(String instanceId) {
        Map<String, String> form = new LinkedHashMap<>(MailServers.plainSettings(GREEN_MAIL));
        form.remove("pop3User");
        form.remove("pop3Password");
        form.put("pop3CredentialsId", "probe-mailbox");
        form.put("instanceId", instanceId);
        form.put("sensorId", PROVIDER.id());
        form.put("primaryChannel", "smtp");
        return form;
    }

    @Test
    void dueRunsAreRecordedAndShownWithDowntimeAndNoPassword() throws Exception {
        FormBinding binding = new FormBinding(FormModel.of(PROVIDER.descriptor()));
        Map<String, String> failingForm = form("lost");
        failingForm.put("to", "nobody@localhost");
        failingForm.put("maxTripTime", "1");
        List<BoundInstance> instances = List.of(binding.bind(form("mail1"), STORE), binding.bind(failingForm, STORE));
        StatusViewModel view;

        Instant now = Instant.now();
        Map<String, List<SensorResult>> results = new LinkedHashMap<>();
        try (SensorRuns runs = new SensorRuns(Duration.ofMinutes(1), 10, 2)) {
            runs.sync(instances.stream().map(i -> new SensorRuns.Configured(i, PROVIDER)).toList(), now,
                    new PrintStream(OutputStream.nullOutputStream()));
            // interval defaults to 60 s: both are due on the first tick and on the next one.
            for (Instant tick : List.of(now, now.plus(Duration.ofMinutes(1)))) {
                Map<String, CompletableFuture<SensorResult>> started = runs.startDue(tick,
                        new PrintStream(OutputStream.nullOutputStream()));
                assertThat(started).containsOnlyKeys("mail1", "lost");
                for (Map.Entry<String, CompletableFuture<SensorResult>> run : started.entrySet()) {
                    results.computeIfAbsent(run.getKey(), id -> new ArrayList<>()).add(run.getValue().get(60,
                            TimeUnit.SECONDS));
                }
            }
            view = runs.view(Locale.GERMAN, ZoneOffset.UTC);
        }

        SensorResult up = results.get("mail1").get(1);
        assertThat(up.status()).as(up.message()).isEqualTo(Status.UP);
        assertThat(results.get("mail1")).hasSize(2);
        assertThat(results.get("lost").get(1).status()).isEqualTo(Status.DOWN);
        assertThat(results.get("lost").get(1).channel("downtime").value()).as("filled from the history")
                .isEqualTo(100.0);

        StatusViewModel withNew = StatusViewModel.of(List.of(
                new StatusViewModel.Source("new", instances.get(0).settings(), new ResultHistory(10, 10))),
                Locale.GERMAN, ZoneOffset.UTC);
        StatusRow ok = view.rows().get(0);
        assertThat(ok.statusText()).isEqualTo("UP");
        assertThat(ok.sensorName()).isEqualTo(PROVIDER.descriptor().displayName(Locale.GERMAN));
        assertThat(ok.primary().key()).isEqualTo("smtp");
        assertThat(ok.primary().text()).matches("\\d+(\\.\\d)? ms");
        assertThat(ok.channels()).extracting(ChannelCell::key)
                .containsExactly("smtp", "pop3", "total", "downtime", "certificate");
        assertThat(ok.channels().get(3).text()).isEqualTo("0 %");
        assertThat(ok.downtime()).isEqualTo("0 %");
        assertThat(ok.lastRun()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

        StatusRow lost = view.rows().get(1);
        assertThat(lost.statusText()).isEqualTo("DOWN");
        assertThat(lost.downtime()).isEqualTo("100 %");
        assertThat(lost.channels().get(1).text()).isEqualTo("not measured");
        assertThat(lost.lastMessage()).isNotBlank();

        StatusRow pending = withNew.rows().get(0);
        assertThat(pending.statusText()).isEqualTo("not run yet");
        assertThat(pending.statusClass()).isEqualTo("pending");
        assertThat(pending.primary().text()).isEqualTo("not measured");

        assertThat(view.worst()).hasValue(Status.DOWN);
        assertThat(view.downInstanceIds()).containsExactly("lost");
        String everything = view.rows().toString() + results.values().stream()
                .flatMap(List::stream).map(r -> r.message() + r.details()).toList();
        assertThat(everything).doesNotContain(MailServers.PROBE_PASSWORD).doesNotContain(MailServers.SENDER_PASSWORD);
    }

    @Test
    void historyIsBoundedAndDowntimeFollowsTheKeptResults() {
        ResultHistory history = new ResultHistory(2, 2);
        SensorResult down = result(Status.DOWN);
        SensorResult up = result(Status.UP);
        history.record(down);
        assertThat(history.downtimePercent()).isEqualTo(100.0);
        history.record(up);
        SensorResult last = history.record(up);
        assertThat(history.results()).hasSize(2);
        assertThat(history.downtimePercent()).isZero();
        assertThat(last.channel("downtime").value()).isZero();
        assertThat(StatusViewModel.number(12.5)).isEqualTo("12.5");
    }

    private static SensorResult result(Status status) {
        Map<String, io.mailtrip.spi.ChannelValue> channels = new LinkedHashMap<>();
        PROVIDER.descriptor().channels().forEach(c -> channels.put(c.key(), io.mailtrip.spi.ChannelValue.notMeasured()));
        return new SensorResult(status, "test", "smtp", channels, Instant.now(), Duration.ZERO, List.of());
    }
}
