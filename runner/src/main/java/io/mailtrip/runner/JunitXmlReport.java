package io.mailtrip.runner;

import io.mailtrip.host.DecimalText;

import io.mailtrip.host.MarkupText;

import io.mailtrip.spi.SensorResult;
import io.mailtrip.spi.Status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The JUnit XML document Jenkins' {@code junit} step reads: one {@code testsuite} "mailtrip", one
 * {@code testcase} per instance (classname {@code mailtrip.<sensor>}, name = instance id), DOWN and
 * WARNING as {@code failure}, UNKNOWN as {@code error}; times in seconds with a {@code .} (Jenkins'
 * parser drops commas, so a locale's {@code 0,5} would read as 5 s).
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
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(SUITE_NAME).append("\" tests=\"").append(records.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"0\" time=\"").append(DecimalText.seconds(totalSeconds))
                .append("\" timestamp=\"").append(timestamp).append("\">\n");
        records.forEach(record -> testcase(record, xml));
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    private static void testcase(RunRecord record, StringBuilder xml) {
        SensorResult result = record.result();
        xml.append("  <testcase classname=\"").append(MarkupText.escape(SUITE_NAME + "." + record.sensorId()))
                .append("\" name=\"").append(MarkupText.escape(record.instanceId()))
                .append("\" time=\"").append(DecimalText.seconds(seconds(result))).append("\">\n");
        String element = switch (result.status()) {
            case UP -> null;
            case WARNING, DOWN -> "failure";
            case UNKNOWN -> "error";
        };
        if (element != null) {
            xml.append("    <").append(element).append(" message=\"").append(MarkupText.escape(ResultLine.summary(result)))
                    .append("\" type=\"").append(result.status()).append("\">")
                    .append(MarkupText.escape("phase=" + result.phase() + "\n" + String.join("\n", result.details())))
                    .append("</").append(element).append(">\n");
        }
        xml.append("    <system-out>").append(MarkupText.escape(ResultLine.channels(record))).append("</system-out>\n");
        xml.append("  </testcase>\n");
    }

    private static double seconds(SensorResult result) {
        return result.elapsed().toNanos() / 1e9;
    }
}
