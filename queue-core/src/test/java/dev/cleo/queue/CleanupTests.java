/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.RedisTaskStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A clean-up removes completed and cancelled tasks, or expired ones, or both, optionally
 * only those that finished long enough ago; dead and unfinished tasks stay.
 */
@QueueManagerTest
class CleanupTests {

	private static final String QUEUE = "jobs";

	private static final TaskOptions JOBS = TaskOptions.defaults().queue(QUEUE);

	private QueueManager manager;

	private RedisTaskStore store;

	private TaskHandle<Object> completed;

	private TaskHandle<Object> cancelled;

	private TaskHandle<Object> expired;

	private TaskHandle<Object> waiting;

	private List<String> dead;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build();
		this.store = managers.taskStore(Clock.systemUTC());
		this.completed = this.manager.enqueueAll(List.of(TaskRequest.of("job", 1, JOBS))).get(0);
		this.expired = this.manager.enqueue("job", 2, JOBS.ttl(Duration.ofMillis(1)));
		await().atMost(Duration.ofSeconds(1)).until(() -> Clock.systemUTC().millis() > expiresAt(this.expired));
		// one claim completes the first and finds the second expired
		this.store.claim(QUEUE, 2, Duration.ofMinutes(1), "test")
			.tasks()
			.forEach((task) -> this.store.ack(QUEUE,
					List.of(new Outcome(QUEUE, task.id(), task.token(), Outcome.Kind.COMPLETED, "", 0)),
					Retention.defaults()));
		this.cancelled = this.manager.enqueue("job", 3, JOBS.delay(Duration.ofHours(1)));
		this.cancelled.cancel();
		this.waiting = this.manager.enqueue("job", 4, JOBS.delay(Duration.ofHours(1)));
		this.dead = FinishedTasks.make(this.manager, this.store, QUEUE, 1, Outcome.Kind.UNRECOVERABLE);
		assertThat(this.completed.state()).contains(TaskState.COMPLETED);
		assertThat(this.expired.state()).contains(TaskState.EXPIRED);
	}

	@Test
	void removeCompletedRemovesCompletedAndCancelledTasks() {
		assertThat(this.manager.cleanup(QUEUE, new CleanupRequest(true, false, Duration.ZERO))).isEqualTo(2);
		assertThat(this.completed.info()).isEmpty();
		assertThat(this.cancelled.info()).isEmpty();
		assertThat(this.expired.state()).contains(TaskState.EXPIRED);
		assertUnfinishedAndDeadTasksStay();
		assertThat(this.manager.counts(QUEUE).finished()).isEqualTo(1);
	}

	@Test
	void removeExpiredRemovesOnlyExpiredTasks() {
		assertThat(this.manager.cleanup(QUEUE, new CleanupRequest(false, true, Duration.ZERO))).isEqualTo(1);
		assertThat(this.expired.info()).isEmpty();
		assertThat(this.completed.state()).contains(TaskState.COMPLETED);
		assertThat(this.cancelled.state()).contains(TaskState.CANCELLED);
		assertUnfinishedAndDeadTasksStay();
	}

	@Test
	void bothFlagsRemoveEveryFinishedTaskButTheDead() {
		assertThat(this.manager.cleanup(QUEUE, new CleanupRequest(true, true, Duration.ZERO))).isEqualTo(3);
		assertThat(this.manager.counts(QUEUE).finished()).isZero();
		assertUnfinishedAndDeadTasksStay();
	}

	@Test
	void noFlagRemovesNothing() {
		assertThat(this.manager.cleanup(QUEUE, new CleanupRequest(false, false, Duration.ZERO))).isZero();
		assertThat(this.manager.counts(QUEUE).finished()).isEqualTo(3);
	}

	@Test
	void olderThanKeepsTasksThatFinishedMoreRecently(QueueManagers managers) {
		assertThat(this.manager.cleanup(QUEUE, new CleanupRequest(true, true, Duration.ofMinutes(1)))).isZero();
		assertThat(this.manager.counts(QUEUE).finished()).isEqualTo(3);
		try (QueueManager later = managers
			.build((builder) -> builder.clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2))))) {
			TaskHandle<Object> recent = later.enqueue("job", 5, JOBS);
			assertThat(later.cancel(QUEUE, recent.id())).isTrue();
			assertThat(later.cleanup(QUEUE, new CleanupRequest(true, true, Duration.ofMinutes(1)))).isEqualTo(3);
			assertThat(recent.state()).contains(TaskState.CANCELLED);
		}
	}

	private void assertUnfinishedAndDeadTasksStay() {
		assertThat(this.waiting.state()).contains(TaskState.DELAYED);
		assertThat(this.manager.task(QUEUE, this.dead.get(0))).map(TaskInfo::state).contains(TaskState.DEAD);
	}

	private static long expiresAt(TaskHandle<Object> handle) {
		return handle.info().orElseThrow().createdAt().toEpochMilli() + 1;
	}

}
