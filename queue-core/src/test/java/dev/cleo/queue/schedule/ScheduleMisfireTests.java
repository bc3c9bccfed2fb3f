/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerTest;
import dev.cleo.queue.QueueManagers;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.api.sync.RedisCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 2: a one-second schedule whose every instance was stopped for five ticks does
 * on restart what its misfire policy says. The restart comes half a tick after the fifth
 * missed tick, so the ticks missed at restart are exactly those five.
 */
@QueueManagerTest
class ScheduleMisfireTests {

	private static final String QUEUE = "misfire";

	private static final long P = 1000;

	private final ScheduledRuns runs = new ScheduledRuns();

	private RedisCommands<String, String> redis;

	private QueueManagers managers;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.managers = managers;
		this.redis = managers.redisCommands();
	}

	@Test
	void skipRunsNoneOfTheMissedTicksAndGoesOnAtTheNextFutureTick() {
		Outage outage = runThroughOutage(MisfirePolicy.SKIP, Schedule::misfire);
		assertThat(outage.ticksAfterStop().get(0)).as("first tick after the outage")
			.isGreaterThan(outage.restartedAt())
			.isEqualTo(outage.lastBeforeStop() + 6 * P);
		assertThat(outage.skipped()).isEqualTo(5);
	}

	@Test
	void fireOnceRunsOneTaskForAllMissedTicks() {
		Outage outage = runThroughOutage(MisfirePolicy.FIRE_ONCE, Schedule::misfire);
		assertThat(outage.ticksAfterStop().get(0)).as("the one run, stamped with the latest missed tick")
			.isEqualTo(outage.lastBeforeStop() + 5 * P)
			.isLessThan(outage.restartedAt());
		assertThat(outage.ticksAfterStop().get(1)).isEqualTo(outage.lastBeforeStop() + 6 * P);
		assertThat(outage.skipped()).isEqualTo(4);
	}

	@Test
	void catchUpRunsEachMissedTickUpToItsMaximum() {
		Outage outage = runThroughOutage(MisfirePolicy.CATCH_UP, (schedule, policy) -> schedule.catchUp(3));
		long last = outage.lastBeforeStop();
		assertThat(outage.ticksAfterStop()).startsWith(last + 3 * P, last + 4 * P, last + 5 * P, last + 6 * P);
		assertThat(outage.skipped()).isEqualTo(2);
		List<ScheduledRuns.Run> caughtUp = this.runs.all()
			.stream()
			.filter((run) -> run.tick() > last && run.tick() <= last + 5 * P)
			.toList();
		assertThat(caughtUp).as("fired together on restart")
			.extracting(ScheduledRuns.Run::firedAt)
			.containsOnly(caughtUp.get(0).firedAt());
	}

	/**
	 * Runs a one-second schedule, stops every instance for five ticks, restarts one, and
	 * reports what ran after the stop.
	 */
	private Outage runThroughOutage(MisfirePolicy policy, Policy policySetter) {
		QueueManager first = manager();
		first.startWorkers(pool());
		Schedule schedule = Schedule.fixedRate("rate", Duration.ofSeconds(1))
			.task("tick", null)
			.options(TaskOptions.defaults().queue(QUEUE));
		first.schedules().register(policySetter.apply(schedule, policy));
		await().atMost(Duration.ofSeconds(10)).until(() -> info(first).fired() >= 2);
		first.close();

		QueueManager second = manager();
		ScheduleInfo stopped = info(second);
		long last = stopped.lastRun().tick().toEpochMilli();
		await().atMost(Duration.ofSeconds(15)).until(() -> redisMillis() >= last + 5 * P + P / 2);
		long restartedAt = redisMillis();
		second.startWorkers(pool());
		await().atMost(Duration.ofSeconds(15)).until(() -> this.runs.ticksAfter(restartedAt).size() >= 2);
		return new Outage(last, restartedAt, this.runs.ticksAfter(last), info(second).skipped() - stopped.skipped());
	}

	private QueueManager manager() {
		QueueManager manager = this.managers.build();
		manager.register("tick", this.runs.recorder(manager));
		return manager;
	}

	private static WorkerPoolOptions pool() {
		return WorkerPoolOptions.builder().queue(QUEUE).concurrency(4).build();
	}

	private static ScheduleInfo info(QueueManager manager) {
		return manager.schedules().find(QUEUE, "rate").orElseThrow();
	}

	private long redisMillis() {
		List<String> time = this.redis.time();
		return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
	}

	@FunctionalInterface
	private interface Policy {

		Schedule apply(Schedule schedule, MisfirePolicy policy);

	}

	/**
	 * What happened around the outage.
	 *
	 * @param lastBeforeStop the last tick fired before every instance stopped
	 * @param restartedAt Redis's time when an instance started again
	 * @param ticksAfterStop the ticks that ran after {@code lastBeforeStop}, in order
	 * @param skipped the ticks the schedule counted as skipped since the stop
	 */
	private record Outage(long lastBeforeStop, long restartedAt, List<Long> ticksAfterStop, long skipped) {

	}

}
