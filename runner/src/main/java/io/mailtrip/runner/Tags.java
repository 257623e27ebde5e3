package io.mailtrip.runner;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An instance's tags ({@code tags: {site: ams, team: mail}} in the configuration): extra labels of its
 * metrics, so dashboards and alert routes can group instances. Names follow Prometheus' label rule and
 * may not shadow the labels the runner sets itself.
 */
public record Tags(SortedMap<String, String> values) {

    static final Tags NONE = new Tags(new TreeMap<>());
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Labels the runner or Prometheus set themselves; a tag of that name would collide. */
    static final java.util.List<String> RESERVED = java.util.List.of("sensor_instance", "sensor", "instance", "job",
            "channel", "graph_type", "primary_channel", "mailtrip_probe_status");

    public Tags {
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** The problem with a tag name, or {@code null} when it may be used. */
    static String problem(String name) {
        if (!NAME.matcher(name).matches() || name.startsWith("__")) {
            return name + ": not a label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __)";
        }
        if (RESERVED.contains(name)) {
            return name + ": reserved label name (" + String.join(", ", RESERVED) + ")";
        }
        return null;
    }

    static Tags of(Map<String, String> values) {
        return new Tags(new TreeMap<>(values));
    }
}
