/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A task's completion future completes when the task ends on any instance: with its
 * result, or with {@link TaskFailedException} when it ends without one. Announced tasks
 * complete at once (the periodic check is set to a minute here, so only the announcement
 * can complete them in time); others are found by the periodic check.
 */
@QueueManagerTest
class TaskCompletionTests {

	private static final TaskOptions NOTIFY = TaskOptions.defaults().queue("jobs").notifyOnFinish(true);

	private QueueManagers managers;

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.managers = managers;
		this.manager = manager(Duration.ofMinutes(1));
		register(this.manager);
	}

	@Test
	void announcedTaskCompletesWithItsResult() throws Exception {
		CompletableFuture<String> future = this.manager.enqueue("shout", "hi", NOTIFY)
			.<String>withResultType(String.class)
			.completion();
		startWorkersOnceFirstCheckPassed(this.manager, future);
		assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("HI");
	}

	@Test
	void taskWithoutAnnouncementIsFoundByThePeriodicCheck() throws Exception {
		try (QueueManager checking = manager(Duration.ofMillis(200))) {
			TaskHandle<Object> handle = checking.enqueue("shout", "quiet", TaskOptions.defaults().queue("jobs"));
			CompletableFuture<String> future = handle.<String>withResultType(String.class).completion();
			assertThat(future).isNotDone();
			startWorkers(this.manager);
			assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("QUIET");
		}
	}

	@Test
	void deadTaskFailsTheFutureWithItsLastError() {
		CompletableFuture<Object> future = this.manager.enqueue("explode", null, NOTIFY.maxAttempts(1)).completion();
		startWorkersOnceFirstCheckPassed(this.manager, future);
		assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause()
			.isInstanceOfSatisfying(TaskFailedException.class, (failed) -> {
				assertThat(failed.state()).isEqualTo(TaskState.DEAD);
				assertThat(failed.queue()).isEqualTo("jobs");
				assertThat(failed.lastError()).contains("boom");
			});
	}

	@Test
	void cancelledTaskFailsTheFuture() {
		TaskHandle<Object> handle = this.manager.enqueue("shout", "never", NOTIFY.delay(Duration.ofHours(1)));
		CompletableFuture<Object> future = handle.completion();
		assertThat(handle.cancel()).isTrue();
		assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause()
			.isInstanceOfSatisfying(TaskFailedException.class,
					(failed) -> assertThat(failed.state()).isEqualTo(TaskState.CANCELLED));
	}

	@Test
	void taskCompletedByAnotherInstanceCompletesTheFuture() throws Exception {
		try (QueueManager other = manager(Duration.ofMinutes(1))) {
			register(other);
			CompletableFuture<String> future = this.manager.enqueue("shout", "remote", NOTIFY)
				.<String>withResultType(String.class)
				.completion();
			startWorkersOnceFirstCheckPassed(other, future);
			assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("REMOTE");
		}
	}

	@Test
	void futureOfAnAlreadyFinishedTaskCompletesAtOnce() throws Exception {
		startWorkers(this.manager);
		TaskHandle<Object> handle = this.manager.enqueue("shout", "early", TaskOptions.defaults().queue("jobs"));
		await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(handle.<String>withResultType(String.class).completion().get(2, TimeUnit.SECONDS))
			.isEqualTo("EARLY");
	}

	@Test
	void cancelledFutureStopsWaitingAndClosingFailsTheOthers() {
		TaskHandle<Object> handle = this.manager.enqueue("shout", "later", NOTIFY.delay(Duration.ofHours(1)));
		CompletableFuture<Object> cancelled = handle.completion();
		CompletableFuture<Object> waiting = handle.completion();
		assertThat(cancelled.cancel(false)).isTrue();
		this.manager.close();
		assertThat(waiting).isCompletedExceptionally();
		assertThatThrownBy(waiting::join).hasCauseInstanceOf(QueueException.class)
			.hasMessageContaining("manager closed");
	}

	private QueueManager manager(Duration checkInterval) {
		return this.managers.build((builder) -> builder.completionCheckInterval(checkInterval));
	}

	private static void register(QueueManager manager) {
		manager.register("shout", (task) -> task.payload(String.class).toUpperCase(java.util.Locale.ROOT));
		manager.register("explode", (task) -> {
			throw new IllegalStateException("boom");
		});
	}

	/**
	 * Start workers only once the check made when the future was requested has found the
	 * task waiting, so that only the announcement can complete the future in time.
	 */
	private static void startWorkersOnceFirstCheckPassed(QueueManager manager, CompletableFuture<?> future) {
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !future.isDone());
		startWorkers(manager);
	}

	private static void startWorkers(QueueManager manager) {
		manager.startWorkers(WorkerPoolOptions.builder().queue("jobs").build());
	}

}
