package io.mailtrip.runner;

import io.mailtrip.host.RoleSettings;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusPageTest {

    private static final SensorDescriptor DESCRIPTOR = Sensors.roundTripProvider().descriptor();
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static RoleSettings display(Map<String, String> display) {
        Map<String, String> raw = new LinkedHashMap<>(Map.of("from", "a@example.org", "to", "b@example.org",
                "smtpHost", "mail.example.org", "pop3Host", "mail.example.org"));
        raw.putAll(display);
        return RoleSettings.of(Settings.parse(DESCRIPTOR, raw));
    }

    /** One instance with two UP runs: smtp 40 + pop3 60 = total 100 ms, then 50 + 100 = 150 ms. */
    private static String page(RoleSettings display) {
        InstanceState history = new InstanceState("mail1", DESCRIPTOR, display, 10);
        history.record(result(40, 60));
        history.record(result(50, 100));
        return StatusPage.render(List.of(history.snapshot()), NOW, Locale.ENGLISH);
    }

    private static SensorResult result(double smtp, double pop3) {
        Map<String, ChannelValue> channels = new LinkedHashMap<>();
        channels.put("smtp", ChannelValue.of(smtp));
        channels.put("pop3", ChannelValue.of(pop3));
        channels.put("total", ChannelValue.of(smtp + pop3));
        channels.put("downtime", ChannelValue.notMeasured());
        return new SensorResult(Status.UP, "round trip", "pop3", channels, NOW, Duration.ofMillis(200), List.of());
    }

    @Test
    void stackedSumsTheTimeChannelsInMillisecondsByDefault() {
        String page = page(display(Map.of("graphType", "stacked")));

        assertThat(page).contains("data-chart=\"stacked\" data-unit=\"ms\" data-channels=\"smtp pop3\">"
                + "<title>Stacked channels (ms)</title><text x=\"2\" y=\"10\" class=\"axis\" font-size=\"9\" "
                + "fill=\"#666\">max 150</text>");
        // total, the sum of the stacked channels, is the stack's top edge: it gets its own chart.
        assertThat(page.split("<svg", -1)).hasSize(1 + 4);
        assertThat(page).contains("data-chart=\"channel\" data-channel=\"total\"");
    }

    @Test
    void stackedConvertsToSecondsWhenTheStackUnitSaysSo() {
        String page = page(display(Map.of("graphType", "stacked", "stackUnit", "s")));

        assertThat(page).contains("data-chart=\"stacked\" data-unit=\"s\" data-channels=\"smtp pop3\">"
                + "<title>Stacked channels (s)</title><text x=\"2\" y=\"10\" class=\"axis\" font-size=\"9\" "
                + "fill=\"#666\">max 0.2</text>");
    }

    @Test
    void independentDrawsOneChartPerChannelPrimaryFirst() {
        String page = page(display(Map.of("primaryChannel", "smtp")));

        assertThat(page).doesNotContain("data-chart=\"stacked\"");
        assertThat(page.split("<svg", -1)).hasSize(1 + 5);
        assertThat(page.indexOf("data-channel=\"smtp\"><title>"))
                .isLessThan(page.indexOf("data-channel=\"pop3\"><title>"));
        assertThat(page).contains("<span class=\"primary\" data-channel=\"smtp\">Response Time SMTP 50 ms</span>");
    }

    @Test
    void theBandsOfAStackLieOnEachOther() {
        String page = page(display(Map.of("graphType", "stacked")));

        // Height 90, strip 6, plot from y=14 to y=84 (70 high); tops 40, 50 (smtp) and 100, 150 (+ pop3), max 150.
        assertThat(page).contains(
                "<polygon class=\"band band0\" fill=\"#36c\" data-channel=\"smtp\" points=\"0,65.3 320,60.7 320,84 0,84\"/>",
                "<polygon class=\"band band1\" fill=\"#9c3\" data-channel=\"pop3\" "
                        + "points=\"0,37.3 320,14 320,60.7 0,65.3\"/>");
    }
}
