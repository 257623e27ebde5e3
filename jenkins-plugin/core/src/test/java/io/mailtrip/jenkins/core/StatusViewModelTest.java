package io.mailtrip.jenkins.core;

import io.mailtrip.host.ResultHistory;

import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.Settings;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The status row leads with the primary channel, names the sensor in the viewer's language and draws charts. */
class StatusViewModelTest {

    private static StatusRow row(Settings settings, ResultHistory history, Locale locale) {
        return StatusViewModel.of(List.of(new StatusViewModel.Source("mail1", settings, history,
                Duration.ofSeconds(30))), locale, ZoneOffset.UTC).rows().get(0);
    }

    private static ResultHistory history() {
        ResultHistory history = StatusViewTestData.roundTripHistory(10);
        history.record(StatusViewTestData.roundTripResult(Status.UP, 120, 1380));
        history.record(StatusViewTestData.roundTripResult(Status.DOWN, 100, Double.NaN));
        history.record(StatusViewTestData.roundTripResult(Status.UP, 250, 750));
        return history;
    }

    @Test
    void theCertificateChannelShowsTheDaysLeftWhenTheRunUsedTls() {
        ResultHistory history = StatusViewTestData.roundTripHistory(10);
        SensorResult plain = StatusViewTestData.roundTripResult(Status.UP, 120, 1380);
        Map<String, ChannelValue> channels = new LinkedHashMap<>(plain.channels());
        channels.put("certificate", ChannelValue.of(29.5));
        history.record(new SensorResult(plain.status(), plain.message(), plain.phase(), channels, plain.start(),
                plain.elapsed(), plain.details()));

        StatusRow row = row(StatusViewTestData.roundTrip(Map.of()), history, Locale.ROOT);

        assertThat(row.channels()).filteredOn(c -> c.key().equals("certificate")).singleElement()
                .isEqualTo(new ChannelCell("certificate", "Certificate Expiry", "29.5 d"));
    }

    @Test
    void thePrimaryChannelLeadsTheRow() {
        StatusRow row = row(StatusViewTestData.roundTrip(Map.of("primaryChannel", "pop3")), history(), Locale.ROOT);
        assertThat(row.primary()).isEqualTo(new ChannelCell("pop3", "Response Time POP3", "750 ms"));
        assertThat(row.channels()).extracting(ChannelCell::key)
                .containsExactly("pop3", "smtp", "total", "downtime", "certificate");
        assertThat(row.otherChannels()).extracting(ChannelCell::text)
                .containsExactly("250 ms", "1000 ms", "33.3 %", "not measured");
        assertThat(row.lastRun()).isEqualTo("2026-11-27 10:15:30");
    }

    @Test
    void withoutAChoiceTheMetadataDefaultLeads() {
        StatusRow row = row(StatusViewTestData.roundTrip(Map.of()), history(), Locale.ROOT);
        assertThat(row.primary()).isEqualTo(new ChannelCell("total", "Total", "1000 ms"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "en; SMTP&POP3 Round Trip",
            "nl; SMTP & POP3 Round Trip",
            "fr; SMTP & POP3 aller-retour",
            "de; SMTP&POP3-Übermittlung",
            "ja; SMTP&POP3 ラウンドトリップ",
            "pt; Ida e volta SMTP&POP3",
            "ru; Цикл SMTP и POP3",
            "zh-CN; SMTP 和 POP3 往返",
            "es; Ida y vuelta SMTP&POP3",
            "it; SMTP&POP3 Round Trip",
            "de-AT; SMTP&POP3-Übermittlung"})
    void theSensorIsNamedInTheViewersLanguage(String languageTag, String name) {
        StatusRow row = row(StatusViewTestData.roundTrip(Map.of()), new ResultHistory(1, 1),
                Locale.forLanguageTag(languageTag));
        assertThat(row.sensorName()).isEqualTo(name);
    }

    @Test
    void independentChartsShowEachChannelInItsOwnUnitThePrimaryFirst() {
        StatusRow row = row(StatusViewTestData.roundTrip(Map.of("primaryChannel", "smtp")), history(), Locale.ROOT);
        assertThat(row.chartSvg()).startsWith("<figure").contains("<title>Response Time SMTP (ms)</title>");
        assertThat(row.chartSvg().indexOf("Response Time SMTP (ms)"))
                .isLessThan(row.chartSvg().indexOf("Response Time POP3 (ms)"));
        assertThat(row.chartSvg().split("<svg ", -1)).hasSize(6);
        // The axes and the run deadline of the runner's page: 30 s lies above the plot of a 1380 ms maximum.
        assertThat(row.chartSvg()).contains("class=\"frame\"", ">10:15 &#8594; 10:15</text>",
                "deadline 30000 (above)");
        // 120, 100, 250 ms of SMTP over the three runs, the DOWN one red in the status strip.
        assertThat(row.chartSvg()).contains("data-channel=\"smtp\"><title>", "class=\"DOWN\" fill=\"#d33\"");
    }

    @Test
    void stackedChartsFollowGraphTypeAndStackUnit() {
        StatusRow row = row(StatusViewTestData.roundTrip(Map.of("graphType", "stacked", "stackUnit", "s")), history(),
                Locale.ROOT);
        assertThat(row.chartSvg()).contains("<title>Stacked channels (s)</title>")
                .contains("<title>Downtime (%)</title>").contains("<title>Total (ms)</title>");
        assertThat(row.chartSvg().split("<svg ", -1)).hasSize(5);
    }

    @Test
    void beforeTheFirstRunThereIsNoChart() {
        StatusRow row = row(StatusViewTestData.roundTrip(Map.of()), new ResultHistory(1, 1), Locale.ROOT);
        assertThat(row.chartSvg()).isEmpty();
        assertThat(row.primary()).isEqualTo(new ChannelCell("total", "Total", "not measured"));
    }
}
