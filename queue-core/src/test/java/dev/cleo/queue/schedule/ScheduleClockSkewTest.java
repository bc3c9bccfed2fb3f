/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 3: Redis's time is the one clock of firing. Three instances whose clocks are
 * 5 s behind, right and 5 s ahead fire a one-second cron once per tick, and never before
 * its tick by Redis's clock (an instance trusting its own clock would fire 5 s early).
 */
@RedisTest
class ScheduleClockSkewTest {

	private static final String QUEUE = "skewed";

	private final ScheduledRuns runs = new ScheduledRuns();

	private final List<QueueManager> managers = new CopyOnWriteArrayList<>();

	@AfterEach
	void tearDown() {
		this.managers.forEach(QueueManager::close);
	}

	@Test
	void instancesWhoseClocksDisagreeByTenSecondsFireEachTickOnceAndNeverEarly(RedisServer redis) {
		QueueManager behind = start(redis, Duration.ofSeconds(-5));
		start(redis, Duration.ZERO);
		QueueManager ahead = start(redis, Duration.ofSeconds(5));
		long first = ahead.schedules()
			.register(Schedule.cron("skewed", "* * * * * *")
				.task("tick", null)
				.options(TaskOptions.defaults().queue(QUEUE))
				.catchUp(10))
			.nextFire()
			.toEpochMilli();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> behind.schedules().find(QUEUE, "skewed").orElseThrow().fired() >= 10);
		behind.schedules().pause(QUEUE, "skewed");
		ScheduleInfo info = behind.schedules().find(QUEUE, "skewed").orElseThrow();
		long last = info.lastRun().tick().toEpochMilli();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.runs.idsByTick().size() == info.fired());

		assertThat(this.runs.idsByTick()).allSatisfy((tick, ids) -> assertThat(ids).hasSize(1));
		assertThat(this.runs.idsByTick().keySet())
			.containsExactlyElementsOf(LongStream.iterate(first, (t) -> t <= last, (t) -> t + 1000).boxed().toList());
		assertThat(this.runs.all()).as("fired at or after its tick by Redis's clock")
			.allSatisfy((run) -> assertThat(run.firedAt()).isGreaterThanOrEqualTo(run.tick()));
		assertThat(info.skipped()).isZero();
	}

	private QueueManager start(RedisServer redis, Duration skew) {
		QueueManager manager = QueueManager.builder()
			.redisUri(redis.uri())
			.clock(Clock.offset(Clock.systemUTC(), skew))
			.build();
		manager.register("tick", this.runs.recorder(manager));
		manager.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).concurrency(4).build());
		this.managers.add(manager);
		return manager;
	}

}
