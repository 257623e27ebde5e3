package io.mailtrip.runner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, written for the tests from the format's
 * description: it rejects what Prometheus would reject (and a little more that is merely sloppy).
 */
final class ExpositionFormat {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern VALUE = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|NaN|[+-]Inf");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    record Family(String name, String type, String help, List<Sample> samples) {
    }

    private ExpositionFormat() {
    }

    static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the last line must end with \\n");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> closed = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            String name;
            if (help.matches()) {
                name = help.group(1);
                checkEscapes(help.group(2), false, number);
                if (helps.put(name, help.group(2)) != null) {
                    throw new AssertionError("line " + number + ": second HELP for " + name);
                }
            } else if (type.matches()) {
                name = type.group(1);
                if (types.put(name, type.group(2)) != null) {
                    throw new AssertionError("line " + number + ": second TYPE for " + name);
                }
                if (families.containsKey(name) && !families.get(name).samples().isEmpty()) {
                    throw new AssertionError("line " + number + ": TYPE after samples of " + name);
                }
            } else if (line.startsWith("#")) {
                continue;
            } else {
                Sample sample = sample(line, number);
                name = sample.name();
                if (!types.containsKey(name) || !helps.containsKey(name)) {
                    throw new AssertionError("line " + number + ": sample of " + name + " before its HELP and TYPE");
                }
                if (!series.add(name + sample.labels())) {
                    throw new AssertionError("line " + number + ": series repeated: " + name + sample.labels());
                }
                families.computeIfAbsent(name, n -> new Family(n, null, null, new ArrayList<>())).samples().add(sample);
            }
            if (!name.equals(current)) {
                if (closed.contains(name)) {
                    throw new AssertionError("line " + number + ": lines of " + name + " are not contiguous");
                }
                if (current != null) {
                    closed.add(current);
                }
                current = name;
            }
        }
        Map<String, Family> result = new LinkedHashMap<>();
        types.forEach((name, type) -> result.put(name, new Family(name, type, helps.get(name),
                families.containsKey(name) ? families.get(name).samples() : List.of())));
        return result;
    }

    private static Sample sample(String line, int number) {
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) {
            throw new AssertionError("line " + number + ": no metric name: " + line);
        }
        int i = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                Matcher labelName = LABEL_NAME.matcher(line).region(i, line.length());
                if (!labelName.lookingAt() || !line.startsWith("=\"", labelName.end())) {
                    throw new AssertionError("line " + number + ": bad label at " + i + ": " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = labelName.end() + 2;
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(j + 1);
                        value.append(switch (next) {
                            case '\\' -> '\\';
                            case '"' -> '"';
                            case 'n' -> '\n';
                            default -> throw new AssertionError("line " + number + ": bad escape \\" + next);
                        });
                        j += 2;
                    } else {
                        value.append(c);
                        j++;
                    }
                }
                if (labels.put(labelName.group(), value.toString()) != null) {
                    throw new AssertionError("line " + number + ": label repeated: " + labelName.group());
                }
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                } else if (line.charAt(i) != '}') {
                    throw new AssertionError("line " + number + ": expected , or } at " + i + ": " + line);
                }
            }
            i++;
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw new AssertionError("line " + number + ": expected one space before the value: " + line);
        }
        String[] rest = line.substring(i + 1).split(" ", -1);
        if (rest.length > 2 || !VALUE.matcher(rest[0]).matches()
                || (rest.length == 2 && !rest[1].matches("-?\\d+"))) {
            throw new AssertionError("line " + number + ": bad value or timestamp: " + line);
        }
        double value = switch (rest[0]) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(rest[0]);
        };
        return new Sample(name.group(), labels, value);
    }

    private static void checkEscapes(String text, boolean quotes, int number) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                if (next != '\\' && next != 'n' && !(quotes && next == '"')) {
                    throw new AssertionError("line " + number + ": bad escape in HELP");
                }
                i++;
            }
        }
    }
}
