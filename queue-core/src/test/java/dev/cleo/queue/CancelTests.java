/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QueueManagerTest
class CancelTests {

	private static final Clock CLOCK = Clock.systemUTC();

	private static final TaskOptions JOBS = TaskOptions.defaults().queue("jobs");

	private final List<String> ran = new CopyOnWriteArrayList<>();

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.register("job", (task) -> this.ran.add(task.payload(String.class)));
	}

	@Test
	void waitingTaskIsCancelledAndNeverRuns() {
		TaskHandle<Object> handle = this.manager.enqueue("job", "cancelled", JOBS);
		assertThat(handle.cancel()).isTrue();
		TaskInfo info = handle.info().orElseThrow();
		assertThat(info.state()).isEqualTo(TaskState.CANCELLED);
		assertThat(info.finishedAt()).isNotNull();
		assertThat(this.manager.counts("jobs").waiting()).isZero();
		startWorkers();
		assertNeverRuns(handle);
	}

	@Test
	void delayedTaskIsCancelledAndNeverRuns() {
		startWorkers();
		TaskHandle<Object> handle = this.manager.enqueue("job", "cancelled", JOBS.delay(Duration.ofMillis(200)));
		assertThat(handle.state()).contains(TaskState.DELAYED);
		assertThat(this.manager.cancel("jobs", handle.id())).isTrue();
		assertThat(handle.state()).contains(TaskState.CANCELLED);
		assertThat(this.manager.counts("jobs").delayed()).isZero();
		long due = handle.info().orElseThrow().runAt().toEpochMilli();
		await().atMost(Duration.ofSeconds(2)).until(() -> CLOCK.millis() > due + 50);
		assertNeverRuns(handle);
	}

	@Test
	void completedTaskCannotBeCancelled() {
		startWorkers();
		TaskHandle<Object> handle = runToCompletion("done");
		assertThat(handle.cancel()).isFalse();
		assertThat(handle.state()).contains(TaskState.COMPLETED);
	}

	@Test
	void cancelledTaskCannotBeCancelledAgain() {
		TaskHandle<Object> handle = this.manager.enqueue("job", "twice", JOBS);
		assertThat(handle.cancel()).isTrue();
		assertThat(handle.cancel()).isFalse();
	}

	@Test
	void unknownTaskCannotBeCancelled() {
		assertThat(this.manager.cancel("jobs", "no-such-id")).isFalse();
	}

	/** A task enqueued after the cancelled one runs, and the cancelled one did not. */
	private void assertNeverRuns(TaskHandle<Object> cancelled) {
		runToCompletion("after");
		assertThat(this.ran).containsExactly("after");
		assertThat(cancelled.state()).contains(TaskState.CANCELLED);
	}

	private TaskHandle<Object> runToCompletion(String payload) {
		TaskHandle<Object> handle = this.manager.enqueue("job", payload, JOBS);
		await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		return handle;
	}

	private void startWorkers() {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("jobs").concurrency(1).build());
	}

}
