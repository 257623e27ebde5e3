package io.mailtrip.runner;

import io.mailtrip.host.DecimalText;

import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The JUnit XML document Jenkins' {@code junit} step reads: one {@code testsuite} "mailtrip", one
 * {@code testcase} per instance (classname {@code mailtrip.<sensor>}, name = instance id), DOWN and
 * WARNING as {@code failure}, UNKNOWN as {@code error}; times in seconds with a {@code .} (Jenkins'
 * parser drops commas, so a locale's {@code 0,5} would read as 5 s). Written with the JDK's
 * {@link XMLStreamWriter}, which does the escaping.
 */
final class JunitXmlReport {

    static final String SUITE_NAME = "mailtrip";

    private JunitXmlReport() {
    }

    static String render(List<RunRecord> records) {
        int failures = 0;
        int errors = 0;
        double totalSeconds = 0;
        for (RunRecord record : records) {
            Status status = record.result().status();
            failures += status == Status.DOWN || status == Status.WARNING ? 1 : 0;
            errors += status == Status.UNKNOWN ? 1 : 0;
            totalSeconds += seconds(record.result());
        }
        Instant timestamp = records.stream().map(r -> r.result().start()).min(Comparator.naturalOrder())
                .orElse(Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE_NAME);
            xml.writeAttribute("tests", Integer.toString(records.size()));
            xml.writeAttribute("failures", Integer.toString(failures));
            xml.writeAttribute("errors", Integer.toString(errors));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", DecimalText.seconds(totalSeconds));
            xml.writeAttribute("timestamp", timestamp.toString());
            xml.writeCharacters("\n");
            for (RunRecord record : records) {
                testcase(record, xml);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
        return out.toString();
    }

    private static void testcase(RunRecord record, XMLStreamWriter xml) throws XMLStreamException {
        SensorResult result = record.result();
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", SUITE_NAME + "." + record.sensorId());
        xml.writeAttribute("name", record.instanceId());
        xml.writeAttribute("time", DecimalText.seconds(seconds(result)));
        xml.writeCharacters("\n");
        String element = switch (result.status()) {
            case UP -> null;
            case WARNING, DOWN -> "failure";
            case UNKNOWN -> "error";
        };
        if (element != null) {
            xml.writeCharacters("    ");
            xml.writeStartElement(element);
            xml.writeAttribute("message", xmlText(ResultLine.summary(result)));
            xml.writeAttribute("type", result.status().name());
            xml.writeCharacters(xmlText("phase=" + result.phase() + "\n" + String.join("\n", result.details())));
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeCharacters("    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(xmlText(ResultLine.channels(record)));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** XML 1.0 cannot carry most control characters at all, escaped or not: they are left out. */
    private static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c < 0xD800
                || c >= 0xE000 && c < 0xFFFE || c >= 0x10000).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static double seconds(SensorResult result) {
        return result.elapsed().toNanos() / 1e9;
    }
}
