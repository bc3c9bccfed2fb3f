/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delayed, scheduled and perishable tasks. Start times are read from the same clock the
 * manager uses to compute due times.
 */
@QueueManagerTest
class ScheduledTaskTests {

	private static final Clock CLOCK = Clock.systemUTC();

	private static final TaskOptions JOBS = TaskOptions.defaults().queue("jobs");

	private final AtomicLong startedAt = new AtomicLong();

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build((builder) -> builder.clock(CLOCK));
		this.manager.register("stamp", (task) -> this.startedAt.compareAndSet(0, CLOCK.millis()));
	}

	@Test
	void delayedTaskRunsNoEarlierThanItsDueTimeAndWithinFiftyMillisecondsOfIt() {
		startWorkers();
		long before = CLOCK.millis();
		TaskHandle<Object> handle = this.manager.enqueue("stamp", null, JOBS.delay(Duration.ofMillis(300)));
		long after = CLOCK.millis();
		TaskInfo info = handle.info().orElseThrow();
		assertThat(info.state()).isEqualTo(TaskState.DELAYED);
		assertThat(info.runAt().toEpochMilli()).isBetween(before + 300, after + 300);
		assertStartedOnTime(info.runAt().toEpochMilli());
	}

	@Test
	void taskScheduledAtATimeRunsNoEarlierThanItAndWithinFiftyMillisecondsOfIt() {
		startWorkers();
		Instant runAt = Instant.ofEpochMilli(CLOCK.millis() + 300);
		TaskHandle<Object> handle = this.manager.enqueue("stamp", null, JOBS.runAt(runAt));
		TaskInfo info = handle.info().orElseThrow();
		assertThat(info.state()).isEqualTo(TaskState.DELAYED);
		assertThat(info.runAt()).isEqualTo(runAt);
		assertStartedOnTime(runAt.toEpochMilli());
	}

	@Test
	void taskScheduledInThePastIsReadyAtOnce() {
		TaskHandle<Object> handle = this.manager.enqueue("stamp", null, JOBS.runAt(Instant.now().minusSeconds(60)));
		assertThat(handle.state()).contains(TaskState.WAITING);
	}

	@Test
	void taskNotStartedWithinItsTtlExpiresWithoutRunning() {
		AtomicInteger perishableRuns = new AtomicInteger();
		this.manager.register("perishable", (task) -> perishableRuns.incrementAndGet());
		long enqueuedAt = CLOCK.millis();
		TaskHandle<Object> perishable = this.manager.enqueue("perishable", null, JOBS.ttl(Duration.ofMillis(100)));
		TaskHandle<Object> lasting = this.manager.enqueue("stamp", null, JOBS.ttl(Duration.ofMinutes(1)));
		await().atMost(Duration.ofSeconds(2)).until(() -> CLOCK.millis() >= enqueuedAt + 300);
		assertThat(perishable.state()).contains(TaskState.WAITING);
		startWorkers();
		await().atMost(Duration.ofSeconds(5)).until(() -> lasting.state().orElseThrow() == TaskState.COMPLETED);
		TaskInfo info = perishable.info().orElseThrow();
		assertThat(info.state()).isEqualTo(TaskState.EXPIRED);
		assertThat(info.attempts()).isZero();
		assertThat(info.startedAt()).isNull();
		assertThat(info.finishedAt()).isNotNull();
		assertThat(perishableRuns).hasValue(0);
		assertThat(this.manager.counts("jobs").finished()).isEqualTo(2);
	}

	@Test
	void taskThatStartedWithinItsTtlIsStillRetriedAfterIt() {
		this.manager.register("flaky", (task) -> {
			if (task.attempt() == 1) {
				throw new IllegalStateException("transient failure");
			}
			return "done";
		});
		startWorkers();
		TaskHandle<Object> handle = this.manager.enqueue("flaky", null,
				JOBS.ttl(Duration.ofMillis(200)).backoff(Backoff.fixed(Duration.ofMillis(400))));
		TaskInfo info = await().atMost(Duration.ofSeconds(3))
			.until(() -> handle.info().orElseThrow(), (task) -> task.state().isFinal());
		assertThat(info.state()).as("a TTL only limits the wait for a first start").isEqualTo(TaskState.COMPLETED);
		assertThat(info.attempts()).isEqualTo(2);
	}

	private void assertStartedOnTime(long dueMillis) {
		await().atMost(Duration.ofSeconds(3)).until(() -> this.startedAt.get() != 0);
		assertThat(this.startedAt.get()).as("handler start vs due time %d", dueMillis)
			.isGreaterThanOrEqualTo(dueMillis)
			.isLessThan(dueMillis + 50);
	}

	private void startWorkers() {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("jobs").concurrency(1).build());
	}

}
