/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which ticks a due schedule runs, from its stored next tick and Redis's time.
 */
class FirePlanTests {

	private static final Trigger EVERY_SECOND = Trigger.fixedRate(Duration.ofSeconds(1));

	private static final Trigger CRON_EVERY_SECOND = Trigger.cron("* * * * * *");

	private static final long T = 1_800_000_000_000L;

	@Test
	void loneDueTickWithinTheThresholdRunsAsUsual() {
		FirePlan plan = FirePlan.of(EVERY_SECOND, T, T + 300, MisfirePolicy.SKIP, 100, 60_000);
		assertPlan(plan, 0, T + 1000, T);
	}

	@Test
	void loneTickLaterThanTheThresholdIsMissed() {
		Trigger hourly = Trigger.fixedRate(Duration.ofHours(1));
		FirePlan plan = FirePlan.of(hourly, T, T + 120_000, MisfirePolicy.SKIP, 100, 60_000);
		assertPlan(plan, 1, T + 3_600_000);
	}

	@Test
	void skipRunsNoneOfTheMissedTicksAndGoesOnAtTheNextFutureOne() {
		FirePlan plan = FirePlan.of(EVERY_SECOND, T, T + 5_500, MisfirePolicy.SKIP, 100, 60_000);
		assertPlan(plan, 6, T + 6_000);
	}

	@Test
	void fireOnceRunsTheLatestMissedTickForAllOfThem() {
		FirePlan plan = FirePlan.of(CRON_EVERY_SECOND, T, T + 5_500, MisfirePolicy.FIRE_ONCE, 100, 60_000);
		assertPlan(plan, 5, T + 6_000, T + 5_000);
	}

	@Test
	void catchUpRunsTheLatestMissedTicksUpToItsMaximum() {
		FirePlan plan = FirePlan.of(CRON_EVERY_SECOND, T, T + 5_500, MisfirePolicy.CATCH_UP, 3, 60_000);
		assertThat(plan.ticks()).containsExactly(T + 3_000, T + 4_000, T + 5_000);
		assertThat(plan.skipped()).isEqualTo(3);
		FirePlan all = FirePlan.of(EVERY_SECOND, T, T + 2_000, MisfirePolicy.CATCH_UP, 3, 60_000);
		assertPlan(all, 0, T + 3_000, T, T + 1_000, T + 2_000);
	}

	@Test
	void aYearLongOutageCostsOnePlanWithABoundedCount() {
		long year = Duration.ofDays(365).toMillis();
		FirePlan plan = FirePlan.of(CRON_EVERY_SECOND, T, T + year, MisfirePolicy.CATCH_UP, 2, 60_000);
		assertPlan(plan, FirePlan.COUNT_LIMIT - 2, T + year + 1_000, T + year - 1_000, T + year);
	}

	@Test
	void fixedDelayRunsItsDueTickWhateverThePolicy() {
		FirePlan plan = FirePlan.of(Trigger.fixedDelay(Duration.ofSeconds(1)), T, T + 50_000, MisfirePolicy.SKIP, 1,
				60_000);
		assertThat(plan.ticks()).containsExactly(T);
		assertThat(plan.next()).isZero();
	}

	/**
	 * The plan runs exactly {@code ticks}, in order, skips {@code skipped} and fires next
	 * at {@code next}.
	 */
	private static void assertPlan(FirePlan plan, long skipped, long next, Long... ticks) {
		assertThat(plan.ticks()).containsExactly(ticks);
		assertThat(plan.skipped()).isEqualTo(skipped);
		assertThat(plan.next()).isEqualTo(next);
	}

}
