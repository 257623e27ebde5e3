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
        Instant first = schedule.nextStart("a").orElseThrow();
        assertThat(schedule.dueAt(first)).containsExactly("a");
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
        List<Instant> firsts = ids.stream().map(id -> schedule.nextStart(id).orElseThrow()).toList();
        assertThat(firsts).allSatisfy(t -> {
            assertThat(t).isBetween(T0, T0.plus(Duration.ofMinutes(9)));
            assertThat(Duration.between(T0, t).toSeconds() % 60).isZero();
        });
        assertThat(firsts.stream().distinct().count()).isGreaterThan(1);
        DueSchedule again = new DueSchedule(TICK);
        ids.forEach(id -> again.plan(id, Duration.ofMinutes(10), T0));
        assertThat(ids.stream().map(id -> again.nextStart(id).orElseThrow()).toList()).isEqualTo(firsts);
    }

    @Test
    void aChangedIntervalTakesEffectFromTheLastStartAndRemovedInstancesAreForgotten() {
        DueSchedule schedule = new DueSchedule(TICK);
        schedule.plan("a", Duration.ofMinutes(1), T0);
        schedule.dueAt(T0);
        schedule.plan("a", Duration.ofMinutes(3), T0.plusSeconds(30));
        assertThat(schedule.nextStart("a")).hasValue(T0.plus(Duration.ofMinutes(3)));
        schedule.startedAt("a", T0.plus(Duration.ofMinutes(2)));
        assertThat(schedule.nextStart("a")).hasValue(T0.plus(Duration.ofMinutes(5)));
        schedule.retainOnly(List.of());
        assertThat(schedule.dueAt(T0.plus(Duration.ofHours(1)))).isEmpty();
    }
}
