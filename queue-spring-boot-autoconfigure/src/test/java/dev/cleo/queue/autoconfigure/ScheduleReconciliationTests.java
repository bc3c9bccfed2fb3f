/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.annotation.Task;
import dev.cleo.queue.schedule.Schedule;
import dev.cleo.queue.schedule.ScheduleInfo;
import dev.cleo.queue.schedule.Trigger;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Declared schedules are reconciled at start-up: a changed definition is updated, and a
 * schedule no instance of the application declares any more goes after
 * {@code cleo.schedules.grace}, while one a running instance still declares stays.
 * Producer-only instances (no workers), so nothing fires and only reconciliation acts.
 */
@RedisTest
class ScheduleReconciliationTests {

	private static final Duration GRACE = Duration.ofSeconds(1);

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.runner = CleoRunners.cleo(redis, "spring.application.name=billing", "cleo.worker.enabled=false",
				"cleo.schedules.grace=" + GRACE.toMillis() + "ms");
	}

	@Test
	void scheduleNoInstanceDeclaresAnyMoreIsRemovedAfterTheGrace() {
		this.runner.withBean(NightlyV1.class).run((old) -> {
			assertThat(find(old, "nightly")).isNotNull();
			// A new version without the method starts while the old one still runs: the
			// old
			// instance keeps declaring it, so it outlives the grace period.
			this.runner.run((next) -> await().during(GRACE.multipliedBy(2))
				.atMost(GRACE.multipliedBy(5))
				.until(() -> find(next, "nightly") != null));
		});
		// The old version is gone: the new one removes the schedule once the grace is
		// over.
		this.runner.run((next) -> await().atMost(Duration.ofSeconds(15)).until(() -> find(next, "nightly") == null));
	}

	@Test
	void changedDefinitionIsUpdatedAtStart() {
		this.runner.withBean(NightlyV1.class)
			.run((v1) -> assertThat(find(v1, "nightly").trigger()).isEqualTo(Trigger.cron("0 0 2 * * *")));
		this.runner.withBean(NightlyV2.class).run((v2) -> {
			ScheduleInfo info = find(v2, "nightly");
			assertThat(info.trigger()).isEqualTo(Trigger.cron("0 30 4 * * *"));
			// The next tick follows the new trigger.
			assertThat(info.nextFire().atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(4, 30));
		});
	}

	@Test
	void otherOwnersAndApiSchedulesAreLeftAlone() {
		this.runner.withPropertyValues("spring.application.name=shipping").withBean(NightlyV1.class).run((other) -> {
			QueueManager manager = other.getBean(QueueManager.class);
			manager.schedules()
				.register(Schedule.fixedRate("api-made", Duration.ofHours(1))
					.options(TaskOptions.defaults().queue("reports")));
		});
		this.runner.run((billing) -> await().during(GRACE.multipliedBy(2))
			.atMost(GRACE.multipliedBy(5))
			.until(() -> find(billing, "nightly") != null && find(billing, "api-made") != null));
	}

	private static ScheduleInfo find(AssertableApplicationContext context, String name) {
		return context.getBean(QueueManager.class).schedules().find("reports", name).orElse(null);
	}

	public static class NightlyV1 {

		@Task(id = "nightly", queue = "reports", cron = "0 0 2 * * *")
		public void run() {
		}

	}

	public static class NightlyV2 {

		@Task(id = "nightly", queue = "reports", cron = "0 30 4 * * *")
		public void run() {
		}

	}

}
