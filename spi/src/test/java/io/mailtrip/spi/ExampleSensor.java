package io.mailtrip.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small descriptor exercising every kind of metadata, for the SPI's own tests. */
public final class ExampleSensor implements SensorProvider {

    static final SensorDescriptor DESCRIPTOR = new SensorDescriptor("example", "io.mailtrip.spi.example",
            ExampleSensor.class.getClassLoader(), List.of("a", "b"), Duration.ofSeconds(30), List.of(
            new SettingSection("main", "Main", List.of(
                    SettingDescriptor.builder("host", SettingType.HOST).section("main").required().build(),
                    SettingDescriptor.builder("address", SettingType.EMAIL).section("main").required().build(),
                    SettingDescriptor.builder("mode", SettingType.ENUM).section("main")
                            .option("plain", "Plain").option("secure", "Secure").defaultValue("plain").build(),
                    SettingDescriptor.builder("port", SettingType.INTEGER).section("main").range(1, 65535)
                            .defaultValue(new DefaultValue.DependsOn("mode", Map.of("secure", "443"), "80")).build(),
                    SettingDescriptor.builder("timeout", SettingType.INTEGER).section("main").range(1, 900)
                            .defaultValue("60").unit("s").build(),
                    SettingDescriptor.builder("label", SettingType.STRING).section("main")
                            .rule(SettingRules.maxLength(10)).build(),
                    SettingDescriptor.builder("ident", SettingType.STRING).section("main")
                            .rule(SettingRules.asciiOnly()).build(),
                    SettingDescriptor.builder("verbose", SettingType.BOOLEAN).section("main").defaultValue("false")
                            .build(),
                    SettingDescriptor.builder("tags", SettingType.LIST).section("main").defaultValue("a b").build())),
            new SettingSection("auth", "Auth", List.of(
                    SettingDescriptor.builder("auth", SettingType.ENUM).section("auth")
                            .option("none", "None").option("password", "Password").option("token", "Token")
                            .defaultValue("none").build(),
                    SettingDescriptor.builder("user", SettingType.STRING).section("auth").required()
                            .visibleWhen("auth", "password").build(),
                    SettingDescriptor.builder("password", SettingType.SECRET).section("auth").required()
                            .visibleWhen("auth", "password", "token").build(),
                    SettingDescriptor.builder("realm", SettingType.STRING).section("auth").required()
                            .visibleWhen("user", "admin").build()))),
            List.of(new ChannelDescriptor("time", "Time", "ms", "how long"),
                    new ChannelDescriptor(ChannelDescriptor.DOWNTIME, "Downtime", "%", "share of DOWN")));

    @Override
    public String id() {
        return "example";
    }

    @Override
    public SensorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Sensor create(Settings settings) {
        return new Sensor() {
            @Override
            public SensorResult run(Deadline deadline) {
                throw new UnsupportedOperationException("not run in SPI tests");
            }

            @Override
            public Duration budget() {
                return Duration.ofSeconds(settings.integer("timeout"));
            }
        };
    }
}
