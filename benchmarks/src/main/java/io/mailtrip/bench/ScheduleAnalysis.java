package io.mailtrip.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the runner's JSON lines and compares every result's start with its planned start. The runner
 * plans instance i's start k at (its first start) + k × interval (fixed rate, no drift); how it spreads
 * first starts is its own business, so the plan is taken from the results: an instance's base is its
 * least-delayed start minus k × interval, and jitter = start − (base + k × interval) ≥ 0. That can
 * only be too small by the delay of the instance's least-delayed start (absolute delays, measured
 * while the runner's spread was known here, were 0.5–1 ms at p10).
 */
final class ScheduleAnalysis {

    /**
     * @param results        JSON lines read
     * @param statusCounts   results per status
     * @param jitterMillis   start − planned start, results planned inside the window
     * @param lost           planned starts inside the window without a result
     * @param duplicates     planned starts with more than one result
     * @param instancesSeen  instances with at least one result
     */
    record Outcome(int results, Map<String, Integer> statusCounts, Spread jitterMillis, int lost, int duplicates,
                   int instancesSeen, int expected) {
    }

    private ScheduleAnalysis() {
    }

    static Outcome analyse(Path jsonLines, int instances, int intervalSeconds, Instant windowStart, Instant windowEnd)
            throws IOException {
        long interval = intervalSeconds * 1000L;
        Map<String, List<Instant>> starts = new HashMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        ObjectMapper mapper = new ObjectMapper();
        int results = 0;
        try (BufferedReader reader = Files.newBufferedReader(jsonLines)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode node = mapper.readTree(line);
                starts.computeIfAbsent(node.path("instance").asText(), k -> new ArrayList<>())
                        .add(Instant.parse(node.path("time").asText()));
                statuses.merge(node.path("status").asText(), 1, Integer::sum);
                results++;
            }
        }
        List<Double> jitter = new ArrayList<>();
        int lost = 0;
        int duplicates = 0;
        int expected = 0;
        for (int n = 0; n < instances; n++) {
            String id = ScaleConfig.instanceId(n);
            List<Instant> own = starts.getOrDefault(id, List.of());
            if (own.isEmpty()) {
                lost++;
                continue;
            }
            Instant base = base(own, interval);
            Map<Long, Integer> byPlan = new HashMap<>();
            for (Instant start : own) {
                long k = Math.round(Duration.between(base, start).toMillis() / (double) interval);
                Instant planned = base.plusMillis(k * interval);
                if (!planned.isBefore(windowStart) && planned.isBefore(windowEnd)) {
                    jitter.add(Duration.between(planned, start).toNanos() / 1e6);
                }
                byPlan.merge(k, 1, Integer::sum);
            }
            for (long k = 0; ; k++) {
                Instant planned = base.plusMillis(k * interval);
                if (!planned.isBefore(windowEnd)) {
                    break;
                }
                if (planned.isBefore(windowStart)) {
                    continue;
                }
                expected++;
                int count = byPlan.getOrDefault(k, 0);
                lost += count == 0 ? 1 : 0;
                duplicates += count > 1 ? 1 : 0;
            }
        }
        return new Outcome(results, statuses, Spread.of(jitter), lost, duplicates, starts.size(), expected);
    }

    /** The planned first start: the least of (start − k × interval) over the instance's starts. */
    private static Instant base(List<Instant> own, long interval) {
        Instant first = own.stream().min(Instant::compareTo).orElseThrow();
        Instant base = first;
        for (Instant start : own) {
            long k = Math.round(Duration.between(first, start).toMillis() / (double) interval);
            Instant candidate = start.minusMillis(k * interval);
            base = candidate.isBefore(base) ? candidate : base;
        }
        return base;
    }
}
