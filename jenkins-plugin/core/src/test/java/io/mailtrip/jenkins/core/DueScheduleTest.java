package io.mailtrip.jenkins.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DueScheduleTest {

    private static final Duration TICK = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void anInstanceWithAOneMinuteIntervalRunsOnEveryTickEvenWhenTheTickIsEarly() {
        DueSchedule schedule = new DueSchedule(TICK);
        schedule.plan("mail1", Duration.ofSeconds(60), T0);
        assertThat(schedule.dueAt(T0)).containsExactly("mail1");
        assertThat(schedule.dueAt(T0.plusSeconds(59).plusMillis(900))).containsExactly("mail1");
    }

    @Test
    void aLongerIntervalSkipsTicksUntilItHasElapsed() {
        DueSchedule schedule = new DueSchedule(TICK);
        schedule.plan("a", Duration.ofMinutes(5), T0);
        Instant first = firstDue(schedule, List.of("a")).get(0);
        for (int minute = 1; minute < 5; minute++) {
            assertThat(schedule.dueAt(first.plus(TICK.multipliedBy(minute)))).isEmpty();
        }
        assertThat(schedule.dueAt(first.plus(TICK.multipliedBy(5)))).containsExactly("a");
    }

    @Test
    void firstRunsAreSpreadOverTheFirstIntervalOnWholeTicksTheSameWayEveryTime() {
        DueSchedule schedule = new DueSchedule(TICK);
        List<String> ids = List.of("mail1", "mail2", "mail3", "mail4", "mail5", "mail6");
        ids.forEach(id -> schedule.plan(id, Duration.ofMinutes(10), T0));
        List<Instant> firsts = firstDue(schedule, ids);
        assertThat(firsts).allSatisfy(t -> {
            assertThat(t).isBetween(T0, T0.plus(Duration.ofMinutes(9)));
            assertThat(Duration.between(T0, t).toSeconds() % 60).isZero();
        });
        assertThat(firsts.stream().distinct().count()).isGreaterThan(1);
        DueSchedule again = new DueSchedule(TICK);
        ids.forEach(id -> again.plan(id, Duration.ofMinutes(10), T0));
        assertThat(firstDue(again, ids)).isEqualTo(firsts);
    }

    @Test
    void aChangedIntervalTakesEffectFromTheLastStartAndRemovedInstancesAreForgotten() {
        DueSchedule schedule = new DueSchedule(TICK);
        schedule.plan("a", Duration.ofMinutes(1), T0);
        schedule.dueAt(T0);
        schedule.plan("a", Duration.ofMinutes(3), T0.plusSeconds(30));
        assertThat(schedule.dueAt(T0.plus(Duration.ofMinutes(2)))).as("3 min after the last start, not 1").isEmpty();
        schedule.startedAt("a", T0.plus(Duration.ofMinutes(2)));
        assertThat(schedule.dueAt(T0.plus(Duration.ofMinutes(4)))).as("a run now moves the next one").isEmpty();
        assertThat(schedule.dueAt(T0.plus(Duration.ofMinutes(5)))).containsExactly("a");
        schedule.retainOnly(List.of());
        assertThat(schedule.dueAt(T0.plus(Duration.ofHours(1)))).isEmpty();
    }

    /** The tick at which each id is first due, asking the schedule tick by tick from {@code T0}. */
    private static List<Instant> firstDue(DueSchedule schedule, List<String> ids) {
        java.util.Map<String, Instant> first = new java.util.HashMap<>();
        for (int tick = 0; tick < 60 && first.size() < ids.size(); tick++) {
            Instant now = T0.plus(TICK.multipliedBy(tick));
            schedule.dueAt(now).forEach(id -> first.putIfAbsent(id, now));
        }
        return ids.stream().map(first::get).toList();
    }
}
