package io.mailtrip.host;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.ChannelValue;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart set follows the display roles; the one renderer draws lines, bands, axes and the deadline. */
class SvgChartTest {

    private static final SensorDescriptor DESCRIPTOR = new SensorDescriptor("chart-test", "none",
            SvgChartTest.class.getClassLoader(), List.of(), Duration.ofMinutes(1), List.of(), List.of(
            new ChannelDescriptor("smtp", "SMTP", "ms", "submission"),
            new ChannelDescriptor("pop3", "POP3 <leg>", "ms", "retrieval"),
            new ChannelDescriptor("total", "Total", "ms", "both", true),
            new ChannelDescriptor(ChannelDescriptor.DOWNTIME, "Downtime", "%", "share of DOWN")));
    private static final Instant START = Instant.parse("2026-11-29T02:00:00Z");

    /** Three runs a minute apart: 120 + 1380, DOWN with pop3 not measured, 250 + 750. */
    private static ResultHistory history() {
        ResultHistory history = new ResultHistory(10, 1, DESCRIPTOR.channels().stream().map(ChannelDescriptor::key)
                .toList(), 10);
        history.record(result(0, Status.UP, 120, 1380));
        history.record(result(1, Status.DOWN, 100, Double.NaN));
        history.record(result(2, Status.UP, 250, 750));
        return history;
    }

    private static SensorResult result(int minute, Status status, double smtp, double pop3) {
        Map<String, ChannelValue> channels = new LinkedHashMap<>();
        channels.put("smtp", ChannelValue.of(smtp));
        channels.put("pop3", Double.isNaN(pop3) ? ChannelValue.notMeasured() : ChannelValue.of(pop3));
        channels.put("total", Double.isNaN(pop3) ? ChannelValue.notMeasured() : ChannelValue.of(smtp + pop3));
        channels.put(ChannelDescriptor.DOWNTIME, ChannelValue.notMeasured());
        return new SensorResult(status, "m", "pop3", channels, START.plusSeconds(60L * minute), Duration.ZERO,
                List.of());
    }

    private static RoleSettings roles(String primary, String stackUnit) {
        return new RoleSettings(Duration.ofMinutes(1), Optional.ofNullable(primary), Optional.ofNullable(stackUnit));
    }

    private static ChartSet charts(RoleSettings roles, Duration deadline) {
        return ChartSet.of(history(), DESCRIPTOR, roles, deadline, ZoneOffset.UTC);
    }

    @Test
    void independentIsOnePanelPerChannelInItsOwnUnitLeadingFirstOldestFirstWithGaps() {
        ChartSet charts = charts(roles("pop3", null), Duration.ZERO);

        assertThat(charts.panels()).extracting(ChartSet.Panel::caption)
                .containsExactly("POP3 <leg> (ms)", "SMTP (ms)", "Total (ms)", "Downtime (%)");
        assertThat(charts.panels()).extracting(ChartSet.Panel::stacked).containsOnly(false);
        assertThat(charts.panels().get(0).series().get(0).values()).containsExactly(1380.0, Double.NaN, 750.0);
        assertThat(charts.statuses()).containsExactly(Status.UP, Status.DOWN, Status.UP);
        assertThat(charts.firstTime()).isEqualTo("02:00");
        assertThat(charts.lastTime()).isEqualTo("02:02");
        assertThat(charts.deadline()).isEmpty();
    }

    @Test
    void stackedIsTheConvertibleChannelsInTheStackUnitAndTheRestOnTheirOwn() {
        ChartSet charts = charts(roles("total", "s"), Duration.ofSeconds(30));

        // total is the sum of smtp and pop3, the stack's top edge: stacking it would count twice.
        assertThat(charts.panels()).extracting(ChartSet.Panel::caption)
                .containsExactly(ChartSet.STACKED_TITLE + " (s)", "Total (ms)", "Downtime (%)");
        ChartSet.Panel stack = charts.panels().get(0);
        assertThat(stack.stacked()).isTrue();
        assertThat(stack.series()).extracting(ChartSet.Series::key).containsExactly("smtp", "pop3");
        // Converted from ms: 0.12 s and not 0.12000000000000001 once written.
        assertThat(stack.series().get(0).values()).extracting(v -> DecimalText.rounded(v, 6))
                .containsExactly("0.12", "0.1", "0.25");
        assertThat(charts.threshold("s")).hasValue(30.0);
        assertThat(charts.threshold("ms")).hasValue(30_000.0);
        assertThat(charts.threshold("%")).isEmpty();
    }

    @Test
    void linesBreakWhereNothingWasMeasuredAndALonePointIsATick() {
        String svg = SvgChart.svg(charts(roles("pop3", null), Duration.ZERO),
                charts(roles("pop3", null), Duration.ZERO).panels().get(0));
        Document doc = parse(svg);

        // 1380, gap, 750 over 320 px and a plot from y=14 to y=84: two ticks, no line across the gap.
        assertThat(attributes(doc, "polyline", "points")).containsExactly("0,14 2,14", "320,46 322,46");
        assertThat(doc.getDocumentElement().getAttribute("data-chart")).isEqualTo("channel");
        assertThat(doc.getDocumentElement().getAttribute("data-channel")).isEqualTo("pop3");
        assertThat(svg).contains(">max 1380</text>", ">02:00 &#8594; 02:02</text>").doesNotContain("threshold");
        assertThat(attributes(doc, "rect", "class")).containsExactly("UP", "DOWN", "UP");
        assertThat(attributes(doc, "rect", "fill")).containsExactly("#2a7", "#d33", "#2a7");
    }

    @Test
    void theBandsOfAStackLieOnEachOtherAndAMissingValueAddsNothing() {
        ChartSet charts = charts(roles("total", "s"), Duration.ZERO);
        Document doc = parse(SvgChart.svg(charts, charts.panels().get(0)));

        // Tops: 1.5, 0.1 (pop3 missing), 1.0 s; max 1.5 → y = 84 - v / 1.5 * 70.
        List<String> bands = attributes(doc, "polygon", "points");
        assertThat(bands).containsExactly(
                "0,78.4 160,79.3 320,72.3 320,84 160,84 0,84",
                "0,14 160,79.3 320,37.3 320,72.3 160,79.3 0,78.4");
        assertThat(attributes(doc, "polygon", "data-channel")).containsExactly("smtp", "pop3");
        assertThat(doc.getDocumentElement().getAttribute("data-channels")).isEqualTo("smtp pop3");
        assertThat(doc.getDocumentElement().getAttribute("data-unit")).isEqualTo("s");
        // The legend names each band in its colour, escaped.
        assertThat(attributes(doc, "text", "fill")).contains("#36c", "#9c3");
        assertThat(doc.getDocumentElement().getTextContent()).contains("SMTP", "POP3 <leg>");
    }

    @Test
    void theDeadlineIsADashedLineInsideThePlotAndANoteAboveIt() {
        ChartSet inside = charts(roles("pop3", null), Duration.ofMillis(1000));
        Document doc = parse(SvgChart.svg(inside, inside.panels().get(0)));
        List<Element> thresholds = elements(doc, "line").stream()
                .filter(e -> e.getAttribute("class").equals("threshold")).toList();
        assertThat(thresholds).hasSize(1);
        // 1000 of max 1380: y = 84 - 1000 / 1380 * 70.
        assertThat(thresholds.get(0).getAttribute("y1")).isEqualTo("33.3");
        assertThat(thresholds.get(0).getAttribute("data-threshold")).isEqualTo("1000");
        assertThat(doc.getDocumentElement().getTextContent()).contains("deadline 1000").doesNotContain("(above)");

        ChartSet above = charts(roles("pop3", null), Duration.ofSeconds(30));
        String svg = SvgChart.svg(above, above.panels().get(0));
        assertThat(svg).contains("deadline 30000 (above)").doesNotContain("class=\"threshold\"");
        // Not a time unit: no deadline.
        assertThat(SvgChart.svg(above, above.panels().get(3))).doesNotContain("deadline");
    }

    @Test
    void figuresAreOnePerPanelEscapedAndWellFormed() {
        String html = SvgChart.figures(charts(roles("pop3", null), Duration.ofSeconds(30)));

        assertThat(html.split("<figure", -1)).hasSize(1 + 4);
        assertThat(html).doesNotContain("<leg>").contains("POP3 &lt;leg&gt; (ms)");
        Document doc = parse("<div>" + html + "</div>");
        assertThat(elements(doc, "svg")).hasSize(4);
        assertThat(elements(doc, "svg").get(0).getAttribute("aria-label")).isEqualTo("POP3 <leg> (ms)");
        assertThat(SvgChart.figures(ChartSet.of(new ResultHistory(5, 1, List.of("smtp"), 5), DESCRIPTOR,
                roles(null, null), Duration.ZERO, ZoneOffset.UTC))).isEmpty();
    }

    @Test
    void aSingleRunIsANarrowBandOrATickInTheMiddle() {
        ResultHistory one = new ResultHistory(5, 1, List.of("smtp", "pop3", "total", "downtime"), 5);
        one.record(result(0, Status.UP, 10, 30));
        ChartSet stacked = ChartSet.of(one, DESCRIPTOR, roles(null, "ms"), Duration.ZERO, ZoneOffset.UTC);
        assertThat(attributes(parse(SvgChart.svg(stacked, stacked.panels().get(0))), "polygon", "points"))
                .first().isEqualTo("158,66.5 162,66.5 162,84 158,84");
        ChartSet alone = ChartSet.of(one, DESCRIPTOR, roles(null, null), Duration.ZERO, ZoneOffset.UTC);
        assertThat(attributes(parse(SvgChart.svg(alone, alone.panels().get(0))), "polyline", "points"))
                .containsExactly("160,14 162,14");
    }

    @Test
    void aChannelThePointsDoNotHoldIsNotMeasured() {
        ResultHistory old = new ResultHistory(5, 1, List.of("smtp"), 5);
        old.record(result(0, Status.UP, 10, 30));
        ChartSet charts = ChartSet.of(old, DESCRIPTOR, roles(null, null), Duration.ZERO, ZoneOffset.UTC);
        assertThat(charts.panels().get(0).series().get(0).values()).containsExactly(10.0);
        assertThat(charts.panels().get(1).series().get(0).values()).containsExactly(Double.NaN);
    }

    static Document parse(String xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + xml, e);
        }
    }

    private static List<Element> elements(Document doc, String name) {
        NodeList nodes = doc.getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<String> attributes(Document doc, String element, String attribute) {
        return elements(doc, element).stream().map(e -> e.getAttribute(attribute)).toList();
    }
}
