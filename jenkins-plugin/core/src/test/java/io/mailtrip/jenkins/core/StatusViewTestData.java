package io.mailtrip.jenkins.core;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.Status;

import io.mailtrip.host.ResultHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results and settings for the status view tests, made without a mail server. */
final class StatusViewTestData {

    static final SensorDescriptor ROUND_TRIP = BundledSensor.DESCRIPTOR;

    /**
     * A sensor whose role settings have keys no host could guess, so only a lookup by role finds them:
     * a test that passes with it proves the plugin types no key.
     */
    static final SensorDescriptor ODD_KEYS = new SensorDescriptor("odd-keys", "io.mailtrip.jenkins.core.testnames",
            StatusViewTestData.class.getClassLoader(), List.of(), Duration.ofSeconds(300),
            List.of(new SettingSection("main", "Main", List.of(
                    SettingDescriptor.builder("every", SettingType.INTEGER).section("main").atLeast(1).unit("s")
                            .role(SettingRole.INTERVAL).build(),
                    SettingDescriptor.builder("lead", SettingType.ENUM).section("main").option("fast", "Fast")
                            .option("slow", "Slow").defaultValue("slow").role(SettingRole.PRIMARY_CHANNEL).build(),
                    SettingDescriptor.builder("drawing", SettingType.ENUM).section("main")
                            .option("independent", "Apart").option("stacked", "Stacked").defaultValue("independent")
                            .role(SettingRole.GRAPH_TYPE).build(),
                    SettingDescriptor.builder("scale", SettingType.ENUM).section("main").option("ms", "ms")
                            .option("s", "s").defaultValue("s").role(SettingRole.STACK_UNIT).build(),
                    SettingDescriptor.builder("interval", SettingType.INTEGER).section("main").atLeast(1).build(),
                    SettingDescriptor.builder("primaryChannel", SettingType.STRING).section("main").build()))),
            List.of(new ChannelDescriptor("fast", "Fast part", "ms", "first"),
                    new ChannelDescriptor("slow", "Slow part", "s", "second"),
                    new ChannelDescriptor("share", "Share", "%", "third")));

    private StatusViewTestData() {
    }

    static Settings roundTrip(Map<String, String> values) {
        Map<String, String> raw = new LinkedHashMap<>(Map.of("from", "sender@example.org", "to", "probe@example.org",
                "smtpHost", "mail.example.org", "pop3Host", "pop.example.org", "pop3Auth", "none"));
        raw.putAll(values);
        return Settings.parse(ROUND_TRIP, raw);
    }

    /** A history of the round-trip sensor as the plugin keeps one: {@code size} statuses and chart points. */
    static ResultHistory roundTripHistory(int size) {
        return new ResultHistory(size, 1, ROUND_TRIP.channels().stream().map(ChannelDescriptor::key).toList(), size);
    }

    /** A result of the round-trip sensor; {@code Double.NaN} stands for "not measured". */
    static SensorResult roundTripResult(Status status, double smtp, double pop3) {
        Map<String, ChannelValue> channels = new LinkedHashMap<>();
        channels.put("smtp", value(smtp));
        channels.put("pop3", value(pop3));
        channels.put("total", Double.isNaN(smtp) || Double.isNaN(pop3) ? ChannelValue.notMeasured()
                : ChannelValue.of(smtp + pop3));
        channels.put("downtime", ChannelValue.notMeasured());
        return new SensorResult(status, status == Status.UP ? "round trip done" : "no probe", "pop3", channels,
                Instant.parse("2026-11-27T10:15:30Z"), Duration.ofMillis(1500), List.of());
    }

    private static ChannelValue value(double value) {
        return Double.isNaN(value) ? ChannelValue.notMeasured() : ChannelValue.of(value);
    }
}
