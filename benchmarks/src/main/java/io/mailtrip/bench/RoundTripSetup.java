package io.mailtrip.bench;

import io.mailtrip.spi.Deadline;
import io.mailtrip.spi.Sensor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.host.SensorProviders;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of a plain SMTP + POP3 USER/PASS round trip for the benchmarks, and the sensor made from
 * them through the SPI (ServiceLoader, {@link Settings#parse}): a renamed setting key fails here loudly.
 */
final class RoundTripSetup {

    private static final String SENSOR_ID = "smtp-pop3-roundtrip";
    private static final Pattern POLLS = Pattern.compile("(\\d+) polls?\\)");
    private static final Pattern PROBE_GUID = Pattern.compile("probe (\\S+) \\(sensor key");

    private RoundTripSetup() {
    }

    /** A round trip from {@code from} to {@code to}, SMTP and POP3 on {@code host}, no TLS, 5 s timeouts. */
    static Map<String, String> plain(String host, int smtpPort, int pop3Port, String from, String to, String pop3User,
                                     String pop3Password) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("from", from);
        settings.put("to", to);
        settings.put("heloIdent", "bench.mailtrip.test");
        settings.put("smtpHost", host);
        settings.put("smtpPort", String.valueOf(smtpPort));
        settings.put("smtpSecurity", "none");
        settings.put("smtpTimeout", "5");
        settings.put("pop3Host", host);
        settings.put("pop3Port", String.valueOf(pop3Port));
        settings.put("pop3Security", "none");
        settings.put("pop3Timeout", "30");
        settings.put("pop3Auth", "password");
        settings.put("pop3User", pop3User);
        settings.put("pop3Password", pop3Password);
        settings.put("maxTripTime", "60");
        return settings;
    }

    /** A sensor instance of the built-in round-trip provider with {@code raw} settings. */
    static Sensor sensor(Map<String, String> raw) {
        return sensor(SENSOR_ID, raw);
    }

    /** A sensor instance of provider {@code sensorId} with {@code raw} settings. */
    static Sensor sensor(String sensorId, Map<String, String> raw) {
        SensorProvider provider = SensorProviders.load(RoundTripSetup.class.getClassLoader()).require(sensorId);
        return provider.create(Settings.parse(provider.descriptor(), raw));
    }

    /** One run with the sensor's own budget as deadline. */
    static SensorResult runOnce(Sensor sensor) {
        return sensor.run(Deadline.in(sensor.budget()));
    }

    /** POP3 logins of a successful run, from its message ("..., 3 polls)"); empty for a failed run. */
    static Optional<Integer> polls(SensorResult result) {
        Matcher matcher = POLLS.matcher(result.message());
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** The run's probe GUID, from the first trace line. */
    static Optional<String> probeGuid(SensorResult result) {
        return result.details().stream().map(PROBE_GUID::matcher).filter(Matcher::find).map(m -> m.group(1))
                .findFirst();
    }
}
