/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daily 02:30 schedule in Europe/Paris across the 2026 daylight saving changes, from a
 * fixed clock: ticks are what cron-utils defines. On 29 March 02:00 becomes 03:00, so
 * 02:30 does not exist and that day has no tick; on 25 October 03:00 becomes 02:00, so
 * 02:30 happens twice and fires once, at the first (summer time) one.
 */
class CronDaylightSavingTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Trigger DAILY = Trigger.cron("0 30 2 * * *", PARIS);

	@Test
	void springForwardSkipsTheDayWhoseTimeDoesNotExist() {
		Clock clock = Clock.fixed(Instant.parse("2026-03-27T12:00:00Z"), PARIS);
		assertThat(ticks(clock, 3)).containsExactly(paris("2026-03-28T02:30+01:00"), paris("2026-03-30T02:30+02:00"),
				paris("2026-03-31T02:30+02:00"));
	}

	@Test
	void fallBackFiresOnceAtTheFirstOfTheTwoTimes() {
		Clock clock = Clock.fixed(Instant.parse("2026-10-23T12:00:00Z"), PARIS);
		assertThat(ticks(clock, 3)).containsExactly(paris("2026-10-24T02:30+02:00"), paris("2026-10-25T02:30+02:00"),
				paris("2026-10-26T02:30+01:00"));
	}

	@Test
	void catchingUpAcrossTheChangesMissesNoDayAndRepeatsNone() {
		long stored = paris("2026-03-28T02:30+01:00").toEpochMilli();
		long now = paris("2026-04-01T12:00+02:00").toEpochMilli();
		FirePlan plan = FirePlan.of(DAILY, stored, now, MisfirePolicy.CATCH_UP, 10, 60_000);
		assertThat(plan.ticks()).containsExactly(stored, millis("2026-03-30T02:30+02:00"),
				millis("2026-03-31T02:30+02:00"), millis("2026-04-01T02:30+02:00"));
		assertThat(plan.next()).isEqualTo(millis("2026-04-02T02:30+02:00"));
		FirePlan autumn = FirePlan.of(DAILY, millis("2026-10-24T02:30+02:00"), millis("2026-10-26T12:00+01:00"),
				MisfirePolicy.CATCH_UP, 10, 60_000);
		assertThat(autumn.ticks()).containsExactly(millis("2026-10-24T02:30+02:00"), millis("2026-10-25T02:30+02:00"),
				millis("2026-10-26T02:30+01:00"));
	}

	@Test
	void ticksAgreeWithCronUtilsEveryDayOfBothTransitionMonths() {
		for (String start : List.of("2026-03-01T00:00:00Z", "2026-10-01T00:00:00Z")) {
			Clock clock = Clock.fixed(Instant.parse(start), PARIS);
			List<Instant> ticks = ticks(clock, 31);
			for (Instant tick : ticks) {
				ZonedDateTime local = tick.atZone(PARIS);
				assertThat(local.getHour()).as("%s", local).isEqualTo(2);
				assertThat(local.getMinute()).as("%s", local).isEqualTo(30);
			}
			assertThat(ticks).doesNotHaveDuplicates().isSorted();
		}
	}

	private static List<Instant> ticks(Clock clock, int count) {
		List<Instant> ticks = new ArrayList<>();
		Instant time = clock.instant();
		for (int i = 0; i < count; i++) {
			time = DAILY.nextAfter(time);
			ticks.add(time);
		}
		return ticks;
	}

	private static Instant paris(String offsetDateTime) {
		return ZonedDateTime.parse(offsetDateTime).toInstant();
	}

	private static long millis(String offsetDateTime) {
		return paris(offsetDateTime).toEpochMilli();
	}

}
