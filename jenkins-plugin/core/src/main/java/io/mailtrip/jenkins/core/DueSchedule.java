package io.mailtrip.jenkins.core;

import io.mailtrip.host.ScheduleSpread;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which sensor instances are due on a tick. Jenkins reads a periodic work's recurrence only once, at
 * start-up, so the plugin ticks every minute and asks this schedule, which follows each instance's own
 * interval and picks up interval changes at once. Intervals are effectively rounded to the nearest whole
 * tick: a tick arriving a few milliseconds early must not push a run a whole tick later.
 *
 * <p>New instances are spread over their first interval by the host kit's {@link ScheduleSpread} of
 * their id (a mixed hash: {@code hashCode} bunches sequential ids), so a Jenkins
 * restart does not start every sensor in the same minute. Thread-safe.
 */
public final class DueSchedule {

    private final Duration tick;
    private final Map<String, Plan> plans = new LinkedHashMap<>();

    private record Plan(Duration interval, Instant firstStart, Optional<Instant> lastStart) {
        Instant next() {
            return lastStart.map(last -> last.plus(interval)).orElse(firstStart);
        }
    }

    /** @param tick the period of the caller's periodic work (one minute in Jenkins) */
    public DueSchedule(Duration tick) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive");
        }
        this.tick = tick;
    }

    /** Adds an instance, or changes its interval keeping its last start. */
    public synchronized void plan(String id, Duration interval, Instant now) {
        Plan known = plans.get(id);
        if (known == null) {
            plans.put(id, new Plan(interval, now.plus(spread(id, interval)), Optional.empty()));
        } else {
            plans.put(id, new Plan(interval, known.firstStart(), known.lastStart()));
        }
    }

    /** Forgets instances that were removed from the configuration. */
    public synchronized void retainOnly(Collection<String> ids) {
        plans.keySet().retainAll(ids);
    }

    /** The instances due at {@code now}, in plan order; each is recorded as started at {@code now}. */
    public synchronized List<String> dueAt(Instant now) {
        Instant horizon = now.plus(tick.dividedBy(2));
        List<String> due = new ArrayList<>();
        plans.forEach((id, plan) -> {
            if (!plan.next().isAfter(horizon)) {
                due.add(id);
            }
        });
        due.forEach(id -> startedAt(id, now));
        return due;
    }

    /** Records a start outside the schedule ("run now"), so the next planned run is one interval later. */
    public synchronized void startedAt(String id, Instant when) {
        Plan plan = plans.get(id);
        if (plan != null) {
            plans.put(id, new Plan(plan.interval(), plan.firstStart(), Optional.of(when)));
        }
    }

    /** A whole number of ticks below the interval, the same for the same id on every start. */
    private Duration spread(String id, Duration interval) {
        long slots = Math.max(1, interval.toMillis() / tick.toMillis());
        return tick.multipliedBy(ScheduleSpread.slot(id, slots));
    }
}
