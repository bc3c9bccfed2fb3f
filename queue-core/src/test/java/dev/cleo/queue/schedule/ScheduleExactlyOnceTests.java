/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerTest;
import dev.cleo.queue.QueueManagers;
import dev.cleo.queue.TaskOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 1: three instances share one Redis, and a schedule firing every second for 30
 * seconds enqueues exactly one task per tick, no duplicate and no gap, while instances
 * are stopped and started during the run. The handlers record the tick of each run they
 * start. The schedule catches up (at most 10 ticks), so a machine that stalls for more
 * than a second still runs every tick and the test checks exactly-once, not timing.
 */
@QueueManagerTest
class ScheduleExactlyOnceTests {

	private static final String QUEUE = "ticks";

	private static final long SECOND = 1000;

	private final ScheduledRuns runs = new ScheduledRuns();

	private QueueManagers managers;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.managers = managers;
	}

	@Test
	void threeInstancesFireEachTickOfAOneSecondCronExactlyOnceWhileInstancesStopAndStart() {
		QueueManager a = start("a");
		QueueManager b = start("b");
		QueueManager c = start("c");
		long first = a.schedules()
			.register(Schedule.cron("every-second", "* * * * * *")
				.task("tick", null)
				.options(TaskOptions.defaults().queue(QUEUE))
				.catchUp(10))
			.nextFire()
			.toEpochMilli();

		firedThrough(c, first + 6 * SECOND);
		stop(a);
		firedThrough(c, first + 10 * SECOND);
		QueueManager d = start("d");
		firedThrough(d, first + 15 * SECOND);
		stop(b);
		firedThrough(d, first + 20 * SECOND);
		QueueManager e = start("e");
		firedThrough(e, first + 24 * SECOND);
		stop(c);
		firedThrough(e, first + 29 * SECOND);
		e.schedules().pause(QUEUE, "every-second");

		ScheduleInfo info = e.schedules().find(QUEUE, "every-second").orElseThrow();
		long last = info.lastRun().tick().toEpochMilli();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.runs.idsByTick().size() == info.fired());
		Map<Long, TreeSet<String>> idsByTick = this.runs.idsByTick();
		assertThat(idsByTick).as("one task per tick").allSatisfy((tick, ids) -> assertThat(ids).hasSize(1));
		assertThat(idsByTick.keySet()).as("every tick from the first to the last, no gap")
			.containsExactlyElementsOf(LongStream.iterate(first, (t) -> t <= last, (t) -> t + SECOND).boxed().toList());
		assertThat(last - first).isGreaterThanOrEqualTo(29 * SECOND);
		assertThat(info.skipped()).isZero();
		assertThat(e.counts(QUEUE).finished()).as("no task enqueued beyond the one per tick").isEqualTo(info.fired());
	}

	private QueueManager start(String name) {
		return this.runs.startInstance(this.managers, QUEUE, (builder) -> builder.workerId(name));
	}

	private void stop(QueueManager manager) {
		manager.close();
	}

	/** Waits until the schedule's last run is at or past a tick. */
	private static void firedThrough(QueueManager manager, long tick) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> manager.schedules()
				.find(QUEUE, "every-second")
				.map(ScheduleInfo::lastRun)
				.filter((run) -> run.tick().toEpochMilli() >= tick)
				.isPresent());
	}

}
