package io.mailtrip.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The histories of all instances, in configuration order; what HTTP, JUnit XML and persistence read. */
public final class ResultBoard {

    private final Map<String, InstanceHistory> byId = new LinkedHashMap<>();

    public ResultBoard(List<InstanceHistory> histories) {
        histories.forEach(h -> byId.put(h.instanceId(), h));
    }

    public Optional<InstanceHistory> get(String instanceId) {
        return Optional.ofNullable(byId.get(instanceId));
    }

    public List<InstanceHistory> histories() {
        return List.copyOf(byId.values());
    }

    public List<InstanceHistory.Snapshot> snapshots() {
        return byId.values().stream().map(InstanceHistory::snapshot).toList();
    }

    /** Snapshots without chart points: cheap enough for every scrape and every flush. */
    public List<InstanceHistory.Snapshot> summaries() {
        return byId.values().stream().map(InstanceHistory::summary).toList();
    }
}
