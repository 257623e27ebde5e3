package io.mailtrip.nagios;

import io.mailtrip.host.PerfUnit;

import io.mailtrip.host.DecimalText;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One threshold range in the Monitoring Plugins syntax {@code [@][start:][end]} (guidelines,
 * "Threshold and ranges"): alert when the value is outside {@code [start, end]}, or inside it with a
 * leading {@code @}. Endpoints are inclusive; a missing start is 0, {@code ~} is minus infinity, a
 * missing end is plus infinity. Numbers are in the channel's perfdata unit unless they carry a suffix.
 *
 * @param start  lower bound, {@code -Infinity} for {@code ~}
 * @param end    upper bound, {@code +Infinity} when omitted
 * @param inside true for {@code @}: alert inside the range
 * @param unit   the perfdata unit the bounds are in
 */
record ThresholdRange(double start, double end, boolean inside, PerfUnit unit) {

    private static final Pattern NUMBER = Pattern.compile("(-?(?:\\d+(?:\\.\\d*)?|\\.\\d+))([a-zA-Z%]*)");

    /**
     * Parses {@code 10}, {@code 10:}, {@code ~:10}, {@code 10:20}, {@code @10:20} (with optional unit
     * suffixes such as {@code 500ms}).
     *
     * @throws IllegalArgumentException with the rule that {@code text} breaks, one line
     */
    static ThresholdRange parse(String text, PerfUnit unit) {
        String body = text.strip();
        boolean inside = body.startsWith("@");
        if (inside) {
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a range (empty; write e.g. 10, 10:, ~:10,"
                    + " 10:20 or @10:20)");
        }
        int colon = body.indexOf(':');
        if (colon != body.lastIndexOf(':')) {
            throw new IllegalArgumentException("'" + text + "' is not a range (more than one ':')");
        }
        double start = 0;
        double end = Double.POSITIVE_INFINITY;
        if (colon < 0) {
            end = number(body, text, unit);
        } else {
            String startText = body.substring(0, colon);
            String endText = body.substring(colon + 1);
            if (startText.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has nothing before ':' (write ~:" + endText
                        + " for no lower bound)");
            }
            start = startText.equals("~") ? Double.NEGATIVE_INFINITY : number(startText, text, unit);
            if (!endText.isEmpty()) {
                end = number(endText, text, unit);
            }
        }
        if (start > end) {
            throw new IllegalArgumentException("'" + text + "' starts above its end (start must be <= end)");
        }
        return new ThresholdRange(start, end, inside, unit);
    }

    private static double number(String part, String whole, PerfUnit unit) {
        Matcher m = NUMBER.matcher(part);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + whole + "' is not a range ('" + part
                    + "' is not a plain decimal number; use . as the decimal point, no exponent)");
        }
        String suffix = m.group(2);
        if (suffix.isEmpty()) {
            return Double.parseDouble(m.group(1));
        }
        Double factor = unit.suffixes().get(suffix);
        if (factor == null) {
            throw new IllegalArgumentException("'" + whole + "' has unit '" + suffix + "' (accepted: "
                    + accepted(unit.suffixes()) + ")");
        }
        return Double.parseDouble(m.group(1)) * factor;
    }

    private static String accepted(Map<String, Double> suffixes) {
        return suffixes.isEmpty() ? "none" : String.join(", ", new TreeSet<>(suffixes.keySet()));
    }

    /** True when {@code value} raises an alert. */
    boolean alerts(double value) {
        boolean within = start <= value && value <= end;
        return inside == within;
    }

    /** The range in canonical form, in the perfdata unit: what the perfdata warn/crit fields carry. */
    String perfdataText() {
        StringBuilder out = new StringBuilder(inside ? "@" : "");
        if (start == Double.NEGATIVE_INFINITY) {
            out.append("~:");
        } else if (start != 0 || end == Double.POSITIVE_INFINITY) {
            out.append(DecimalText.machine(start)).append(':');
        }
        if (end != Double.POSITIVE_INFINITY) {
            out.append(DecimalText.machine(end));
        }
        return out.toString();
    }

    /** Why {@code value} alerts, for the summary: {@code "12.5s > 10s"}, {@code "3s inside @2:5"}. */
    String describeBreach(double value) {
        String shown = DecimalText.machine(value) + unit.symbol();
        if (inside) {
            return shown + " inside @" + perfdataText().substring(1) + unit.symbol();
        }
        return value > end ? shown + " > " + DecimalText.machine(end) + unit.symbol()
                : shown + " < " + DecimalText.machine(start) + unit.symbol();
    }
}
