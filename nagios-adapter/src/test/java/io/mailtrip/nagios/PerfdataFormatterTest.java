package io.mailtrip.nagios;

import io.mailtrip.host.PerfUnit;
import io.mailtrip.host.PerfdataFormatter;

import io.mailtrip.host.DecimalText;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PerfdataFormatterTest {

    /** 'label'=value[UOM];[warn];[crit];[min];[max], label without spaces, quotes or '='. */
    private static final Pattern ITEM = Pattern.compile(
            "[a-z0-9_]+=(U|-?[0-9]+(\\.[0-9]+)?(s|%)?)(;[@~0-9.:-]*){0,4}");

    private final List<ChannelDescriptor> channels = Sensors.roundTripProvider().descriptor().channels();

    @Test
    void formatsEveryChannelInSecondsWithMinimum() {
        Map<String, ChannelValue> values = new LinkedHashMap<>();
        values.put("smtp", ChannelValue.of(45.123));
        values.put("pop3", ChannelValue.of(1200));
        values.put("total", ChannelValue.of(1245.123));
        ChannelThresholds total = new ChannelThresholds(ThresholdRange.parse("10", PerfUnit.forChannel("ms")),
                ThresholdRange.parse("@20:30", PerfUnit.forChannel("ms")));

        String perfdata = PerfdataFormatter.format(channels, values,
                key -> key.equals("total") ? total : ChannelThresholds.NONE);

        assertThat(perfdata).isEqualTo("smtp=0.045123s;;;0 pop3=1.2s;;;0 total=1.245123s;10;@20:30;0");
        for (String item : perfdata.split(" ")) {
            assertThat(item).matches(ITEM);
        }
    }

    @Test
    void leavesOutEveryChannelThatWasNotMeasured() {
        assertThat(PerfdataFormatter.format(channels, Map.of(), key -> ChannelThresholds.NONE)).isEmpty();
        assertThat(PerfdataFormatter.format(channels, Map.of("smtp", ChannelValue.of(45), "pop3",
                ChannelValue.notMeasured()), key -> ChannelThresholds.NONE)).isEqualTo("smtp=0.045s;;;0");
    }

    @Test
    void usesAPointAndNoExponentWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(String.format("%.1f", 1.5)).as("the JVM really formats German now").isEqualTo("1,5");
            Map<String, ChannelValue> values = Map.of("smtp", ChannelValue.of(0.001), "pop3",
                    ChannelValue.of(123456789.5), "total", ChannelValue.of(1234.5));
            String perfdata = PerfdataFormatter.format(channels, values, key -> ChannelThresholds.NONE);
            assertThat(perfdata).isEqualTo("smtp=0.000001s;;;0 pop3=123456.7895s;;;0 total=1.2345s;;;0");
            assertThat(perfdata).doesNotContain(",").doesNotContainIgnoringCase("e-").doesNotContain("E");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void writesPlainDecimals() {
        assertThat(DecimalText.machine(0)).isEqualTo("0");
        assertThat(DecimalText.machine(-0.0)).isEqualTo("0");
        assertThat(DecimalText.machine(1e-7)).isEqualTo("0");
        assertThat(DecimalText.machine(1e12)).isEqualTo("1000000000000");
        assertThat(DecimalText.machine(2.50)).isEqualTo("2.5");
    }
}
