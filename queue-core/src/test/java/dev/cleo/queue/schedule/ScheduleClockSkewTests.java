/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerTest;
import dev.cleo.queue.QueueManagers;
import dev.cleo.queue.TaskOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 3: Redis's time is the one clock of firing. Three instances whose clocks are
 * 5 s behind, right and 5 s ahead fire a one-second cron once per tick, and never before
 * its tick by Redis's clock (an instance trusting its own clock would fire 5 s early).
 */
@QueueManagerTest
class ScheduleClockSkewTests {

	private static final String QUEUE = "skewed";

	private final ScheduledRuns runs = new ScheduledRuns();

	@Test
	void instancesWhoseClocksDisagreeByTenSecondsFireEachTickOnceAndNeverEarly(QueueManagers managers) {
		QueueManager behind = start(managers, Duration.ofSeconds(-5));
		start(managers, Duration.ZERO);
		QueueManager ahead = start(managers, Duration.ofSeconds(5));
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

	private QueueManager start(QueueManagers managers, Duration skew) {
		return this.runs.startInstance(managers, QUEUE,
				(builder) -> builder.clock(Clock.offset(Clock.systemUTC(), skew)));
	}

}
