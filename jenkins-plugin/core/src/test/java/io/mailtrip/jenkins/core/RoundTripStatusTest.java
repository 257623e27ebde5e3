package io.mailtrip.jenkins.core;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.mailtrip.sensor.smtppop3.testkit.MailServers;
import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the plugin's periodic work does, without Jenkins: a form bound with credentials from a store,
 * the sensor created once and run on the due schedule against GreenMail, results kept in history and
 * shown by the status view.
 */
class RoundTripStatusTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = MailServers.greenMail();

    private static final SensorProvider PROVIDER = SensorProviders.load(RoundTripStatusTest.class.getClassLoader())
            .require(JenkinsFilesGenerator.BUNDLED_SENSOR);
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
    void dueRunsAreRecordedAndShownWithDowntimeAndNoPassword() {
        FormBinding binding = new FormBinding(FormModel.of(PROVIDER.descriptor()));
        Map<String, String> failingForm = form("lost");
        failingForm.put("to", "nobody@localhost");
        failingForm.put("maxTripTime", "1");
        List<BoundInstance> instances = List.of(binding.bind(form("mail1"), STORE), binding.bind(failingForm, STORE));

        DueSchedule schedule = new DueSchedule(Duration.ofMinutes(1));
        Instant now = Instant.now();
        Map<String, SensorHistory> histories = new LinkedHashMap<>();
        Map<String, Sensor> sensors = new LinkedHashMap<>();
        for (BoundInstance instance : instances) {
            schedule.plan(instance.instanceId(), RoleSettings.interval(instance.settings()), now);
            histories.put(instance.instanceId(), new SensorHistory(10));
            sensors.put(instance.instanceId(), PROVIDER.create(instance.settings()));
        }
        try {
            // interval defaults to 60 s: both are due on the first tick and on the next one.
            for (Instant tick : List.of(now, now.plus(Duration.ofMinutes(1)))) {
                assertThat(schedule.dueAt(tick)).containsExactly("mail1", "lost");
                sensors.forEach((id, sensor) -> histories.get(id).record(sensor.run(Deadline.in(sensor.budget()))));
            }
        } finally {
            sensors.values().forEach(Sensor::close);
        }

        SensorResult up = histories.get("mail1").latest().orElseThrow();
        assertThat(up.status()).as(up.message()).isEqualTo(Status.UP);
        assertThat(histories.get("mail1").results()).hasSize(2);
        assertThat(histories.get("lost").latest().orElseThrow().status()).isEqualTo(Status.DOWN);

        StatusViewModel view = StatusViewModel.of(List.of(
                new StatusViewModel.Source("mail1", instances.get(0).settings(), histories.get("mail1")),
                new StatusViewModel.Source("lost", instances.get(1).settings(), histories.get("lost")),
                new StatusViewModel.Source("new", instances.get(0).settings(), new SensorHistory(10))),
                Locale.GERMAN, ZoneOffset.UTC);
        StatusRow ok = view.rows().get(0);
        assertThat(ok.statusText()).isEqualTo("UP");
        assertThat(ok.sensorName()).isEqualTo(PROVIDER.descriptor().displayName(Locale.GERMAN));
        assertThat(ok.primary().key()).isEqualTo("smtp");
        assertThat(ok.primary().text()).matches("\\d+(\\.\\d)? ms");
        assertThat(ok.channels()).extracting(ChannelCell::key).containsExactly("smtp", "pop3", "total", "downtime");
        assertThat(ok.channels().get(3).text()).isEqualTo("0 %");
        assertThat(ok.downtime()).isEqualTo("0 %");
        assertThat(ok.lastRun()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

        StatusRow lost = view.rows().get(1);
        assertThat(lost.statusText()).isEqualTo("DOWN");
        assertThat(lost.downtime()).isEqualTo("100 %");
        assertThat(lost.channels().get(1).text()).isEqualTo("not measured");
        assertThat(lost.lastMessage()).isNotBlank();

        StatusRow pending = view.rows().get(2);
        assertThat(pending.statusText()).isEqualTo("not run yet");
        assertThat(pending.statusClass()).isEqualTo("pending");
        assertThat(pending.primary().text()).isEqualTo("not measured");

        assertThat(view.worst()).hasValue(Status.DOWN);
        assertThat(view.downInstanceIds()).containsExactly("lost");
        String everything = view.rows().toString() + histories.values().stream()
                .flatMap(h -> h.results().stream()).map(r -> r.message() + r.details()).toList();
        assertThat(everything).doesNotContain(MailServers.PROBE_PASSWORD).doesNotContain(MailServers.SENDER_PASSWORD);
    }

    @Test
    void historyIsBoundedAndDowntimeFollowsTheKeptResults() {
        SensorHistory history = new SensorHistory(2);
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
