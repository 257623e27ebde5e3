package io.mailtrip.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state of all instances, in configuration order; what HTTP, JUnit XML and persistence read. */
public final class ResultBoard {

    private final Map<String, InstanceState> byId = new LinkedHashMap<>();

    public ResultBoard(List<InstanceState> states) {
        states.forEach(s -> byId.put(s.instanceId(), s));
    }

    public Optional<InstanceState> get(String instanceId) {
        return Optional.ofNullable(byId.get(instanceId));
    }

    public List<InstanceState> states() {
        return List.copyOf(byId.values());
    }

    public List<InstanceState.Snapshot> snapshots() {
        return byId.values().stream().map(InstanceState::snapshot).toList();
    }

    /** Snapshots without chart points: cheap enough for every scrape and every flush. */
    public List<InstanceState.Snapshot> summaries() {
        return byId.values().stream().map(InstanceState::summary).toList();
    }
}
