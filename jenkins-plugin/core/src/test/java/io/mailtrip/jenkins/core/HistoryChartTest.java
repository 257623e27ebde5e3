package io.mailtrip.jenkins.core;

import io.mailtrip.host.RoleSettings;

import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart model converts and orders channels as the display settings say; the SVG draws it. */
class HistoryChartTest {

    /** Newest first, as the history hands them out. */
    private static final List<SensorResult> NEWEST_FIRST = List.of(
            StatusViewTestData.roundTripResult(Status.UP, 250, 750),
            StatusViewTestData.roundTripResult(Status.DOWN, 100, Double.NaN),
            StatusViewTestData.roundTripResult(Status.UP, 120, 1380));

    @Test
    void independentMeansOnePanelPerChannelInItsOwnUnitOldestFirstWithGaps() {
        HistoryChart chart = HistoryChart.of(NEWEST_FIRST, StatusViewTestData.ROUND_TRIP, roles("pop3", null));
        assertThat(chart.panels()).extracting(ChartPanel::title)
                .containsExactly("Response Time POP3", "Response Time SMTP", "Total", "Downtime",
                        "Certificate Expiry");
        assertThat(chart.panels()).extracting(ChartPanel::stacked).containsOnly(false);
        ChartPanel pop3 = chart.panels().get(0);
        assertThat(pop3.unit()).isEqualTo("ms");
        assertThat(pop3.series().get(0).values())
                .containsExactly(OptionalDouble.of(1380), OptionalDouble.empty(), OptionalDouble.of(750));
    }

    @Test
    void stackedMeansTheConvertibleChannelsInTheStackUnitAndTheRestOnTheirOwn() {
        HistoryChart chart = HistoryChart.of(NEWEST_FIRST, StatusViewTestData.ROUND_TRIP, roles("total", "s"));
        // total is the sum of smtp and pop3, the stack's top edge: stacking it would count twice.
        assertThat(chart.panels()).extracting(ChartPanel::title)
                .containsExactly(HistoryChart.STACKED_TITLE, "Total", "Downtime", "Certificate Expiry");
        ChartPanel stack = chart.panels().get(0);
        assertThat(stack.stacked()).isTrue();
        assertThat(stack.unit()).isEqualTo("s");
        assertThat(stack.series()).extracting(ChartSeries::key).containsExactly("smtp", "pop3");
        assertThat(stack.series().get(0).values())
                .containsExactly(OptionalDouble.of(0.12), OptionalDouble.of(0.1), OptionalDouble.of(0.25));
        assertThat(chart.panels().get(1).unit()).isEqualTo("ms");
        assertThat(chart.panels().get(2).unit()).isEqualTo("%");
    }

    @Test
    void theSvgIsWellFormedAndDrawsLinesWithGapsOrStackedBands() {
        String independent = new SvgChartRenderer().render(HistoryChart.of(NEWEST_FIRST,
                StatusViewTestData.ROUND_TRIP, roles("pop3", null)));
        Document pop3 = GeneratedFilesTest.Xml.parse(independent.substring(0, independent.indexOf("</svg>") + 6));
        assertThat(pop3.getDocumentElement().getAttribute("aria-label")).isEqualTo("Response Time POP3 (ms)");
        // 1380, gap, 750: two lone points, no line across the gap.
        assertThat(GeneratedFilesTest.Xml.elements(pop3, "polyline")).isEmpty();
        assertThat(GeneratedFilesTest.Xml.elements(pop3, "circle")).hasSize(2);
        assertThat(independent).contains("Response Time POP3 (ms), max 1380");

        String stacked = new SvgChartRenderer().render(HistoryChart.of(NEWEST_FIRST, StatusViewTestData.ROUND_TRIP,
                roles("total", "s")));
        Document stack = GeneratedFilesTest.Xml.parse(stacked.substring(0, stacked.indexOf("</svg>") + 6));
        List<Element> bands = GeneratedFilesTest.Xml.elements(stack, "polygon");
        assertThat(bands).hasSize(2);
        // The stack's top is smtp + pop3 of the first result: 0.12 + 1.38 s.
        assertThat(stacked).contains("Stacked channels (s), max 1.5</text>");
        // The first band starts at the bottom left: x 8, y 126.
        assertThat(bands.get(0).getAttribute("points")).endsWith("8.0,126.0");
    }

    @Test
    void labelsAreEscaped() {
        ChartPanel panel = new ChartPanel("<b>&", "ms", false,
                List.of(new ChartSeries("k", "<script>", List.of(OptionalDouble.of(1), OptionalDouble.of(2)))));
        String svg = new SvgChartRenderer().render(new HistoryChart(List.of(panel)));
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;");
        Document parsed = GeneratedFilesTest.Xml.parse(svg);
        assertThat(GeneratedFilesTest.Xml.elements(parsed, "polyline")).hasSize(1);
        assertThat(parsed.getDocumentElement().getAttribute("aria-label")).isEqualTo("<b>& (ms)");
    }

    /** The display of an instance that leads with {@code primary} and stacks in {@code stackUnit} (or not). */
    private static RoleSettings roles(String primary, String stackUnit) {
        return new RoleSettings(java.time.Duration.ofMinutes(1), java.util.Optional.of(primary),
                java.util.Optional.ofNullable(stackUnit));
    }
}
