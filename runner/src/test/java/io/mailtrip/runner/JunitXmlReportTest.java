package io.mailtrip.runner;

import io.mailtrip.host.RoleSettings;

import io.mailtrip.spi.ChannelValue;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JunitXmlReportTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00.250Z");

    private static RunRecord record(String id, Status status, String message, long millis) {
        SensorResult result = new SensorResult(status, message, "pop3", Map.of("latency", ChannelValue.of(millis)),
                START, Duration.ofMillis(millis), List.of("trace <one>", "trace & two"));
        return new RunRecord(id, SchedulerTest.FakeSensor.descriptor(), new RoleSettings(java.time.Duration.ofSeconds(60), java.util.Optional.empty(), java.util.Optional.empty()), result);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hasTheStructureJenkinsReadsWithSecondsInRootLocaleWhateverTheDefault() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        String xml;
        try {
            xml = JunitXmlReport.render(List.of(
                    record("mail-up", Status.UP, "round trip 1.2 ms", 1234),
                    record("mail-down", Status.DOWN, "mail not received within 60 s | sorry", 60_500),
                    record("mail-cut", Status.UNKNOWN, "run deadline reached", 5),
                    record("mail-slow", Status.WARNING, "slow", 20)));
        } finally {
            Locale.setDefault(before);
        }

        Element suite = parse(xml).getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("mailtrip");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(suite.getAttribute("time")).isEqualTo("61.759");
        assertThat(Instant.from(DateTimeFormatter.ISO_INSTANT.parse(suite.getAttribute("timestamp"))))
                .isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));

        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element up = (Element) cases.item(0);
        assertThat(up.getAttribute("classname")).isEqualTo("mailtrip.fake");
        assertThat(up.getAttribute("name")).isEqualTo("mail-up");
        assertThat(up.getAttribute("time")).isEqualTo("1.234");
        assertThat(up.getElementsByTagName("failure").getLength()).isZero();
        assertThat(up.getElementsByTagName("error").getLength()).isZero();
        assertThat(up.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("latency=1234ms");

        Element down = (Element) cases.item(1);
        Element failure = (Element) down.getElementsByTagName("failure").item(0);
        assertThat(down.getAttribute("time")).isEqualTo("60.500");
        assertThat(failure.getAttribute("message")).isEqualTo("DOWN - mail not received within 60 s / sorry");
        assertThat(failure.getAttribute("type")).isEqualTo("DOWN");
        assertThat(failure.getTextContent()).isEqualTo("phase=pop3\ntrace <one>\ntrace & two");

        Element cut = (Element) cases.item(2);
        Element error = (Element) cut.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("UNKNOWN - run deadline reached");
        assertThat(error.getAttribute("type")).isEqualTo("UNKNOWN");
        assertThat(cut.getElementsByTagName("failure").getLength()).isZero();

        Element slow = (Element) cases.item(3);
        assertThat(((Element) slow.getElementsByTagName("failure").item(0)).getAttribute("type")).isEqualTo("WARNING");
    }

    @Test
    void dropsCharactersXmlCannotCarry() throws Exception {
        String xml = JunitXmlReport.render(List.of(new RunRecord("x", SchedulerTest.FakeSensor.descriptor(),
                new RoleSettings(java.time.Duration.ofSeconds(60), java.util.Optional.empty(), java.util.Optional.empty()), new SensorResult(Status.DOWN, "bell \u0007 here", "smtp", Map.of(),
                        START, Duration.ZERO, List.of()))));

        Element failure = (Element) parse(xml).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("DOWN - bell  here");
    }
}
