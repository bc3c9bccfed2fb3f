/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.history.AttemptOutcome;
import dev.cleo.queue.history.ErrorPattern;
import dev.cleo.queue.history.HistoryOptions;
import dev.cleo.queue.history.HistoryOutcome;
import dev.cleo.queue.history.HistoryPage;
import dev.cleo.queue.history.HistoryQuery;
import dev.cleo.queue.history.HistoryStats;
import dev.cleo.queue.history.StatsQuery;
import dev.cleo.queue.history.StatsResolution;
import dev.cleo.queue.history.TaskAttempt;
import dev.cleo.queue.history.TaskHistoryService;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What history records of real attempts run by a worker pool, and what
 * {@link TaskHistoryService} reads back: a task's attempts with their outcomes, times,
 * worker and error; a queue's recent attempts, filtered and paged; statistics by queue
 * and by task name; error patterns; and nothing at all with history off.
 */
@QueueManagerTest
class TaskHistoryTests {

	private static final String QUEUE = "history";

	private QueueManagers managers;

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.managers = managers;
		this.manager = managers.build((builder) -> builder.workerId("node-1"));
	}

	@Test
	void aTaskKeepsEveryAttemptWithItsOutcomeWorkerTimesAndError() {
		AtomicInteger runs = new AtomicInteger();
		this.manager.register("flaky", (task) -> {
			if (runs.incrementAndGet() == 1) {
				throw new IllegalStateException("Order 1234 not ready");
			}
			return "done";
		});
		startPool();
		Instant before = Instant.now();
		TaskHandle<Object> handle = this.manager.enqueue("flaky", "x", fastRetries(3));
		await().until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);

		List<TaskAttempt> attempts = this.manager.history().getTaskHistory(QUEUE, handle.id());
		assertThat(attempts).hasSize(2);
		TaskAttempt first = attempts.get(0);
		assertThat(first.attempt()).isEqualTo(1);
		assertThat(first.outcome()).isEqualTo(AttemptOutcome.FAILED);
		assertThat(first.retried()).isTrue();
		assertThat(first.dead()).isFalse();
		assertThat(first.taskName()).isEqualTo("flaky");
		assertThat(first.worker()).isEqualTo("node-1/workers");
		assertThat(first.instance()).isEqualTo("node-1");
		assertThat(first.startedAt()).isAfterOrEqualTo(before.minusMillis(5));
		assertThat(first.endedAt()).isAfterOrEqualTo(first.startedAt());
		assertThat(first.error().type()).isEqualTo("java.lang.IllegalStateException");
		assertThat(first.error().message()).isEqualTo("Order 1234 not ready");
		assertThat(first.error().trace()).contains("\tat ");
		TaskAttempt second = attempts.get(1);
		assertThat(second.attempt()).isEqualTo(2);
		assertThat(second.outcome()).isEqualTo(AttemptOutcome.COMPLETED);
		assertThat(second.retried()).isFalse();
		assertThat(second.error()).isNull();
		assertThat(second.startedAt()).isAfterOrEqualTo(first.endedAt());
		// The same, looked up without the queue.
		assertThat(this.manager.history().getTaskHistory(handle.id())).isEqualTo(attempts);
	}

	@Test
	void aTimedOutAttemptAndADeadTaskAreToldApart() {
		this.manager.register("slow", (task) -> {
			Thread.sleep(5_000);
			return null;
		});
		startPool();
		TaskHandle<Object> handle = this.manager.enqueue("slow", "x", fastRetries(2).timeout(Duration.ofMillis(100)));
		await().until(() -> handle.state().orElseThrow() == TaskState.DEAD);

		List<TaskAttempt> attempts = this.manager.history().getTaskHistory(QUEUE, handle.id());
		assertThat(attempts).extracting(TaskAttempt::outcome)
			.containsExactly(AttemptOutcome.TIMED_OUT, AttemptOutcome.TIMED_OUT);
		assertThat(attempts).extracting(TaskAttempt::retried).containsExactly(true, false);
		assertThat(attempts).extracting(TaskAttempt::dead).containsExactly(false, true);
		assertThat(attempts.get(0).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(90));
	}

	@Test
	void aQueuesRecentAttemptsComeNewestFirstFilteredAndPaged() {
		this.manager.register("ok", (task) -> "fine");
		this.manager.register("bad", (task) -> {
			throw new IllegalArgumentException("bad input " + task.id());
		});
		startPool();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			TaskHandle<Object> handle = this.manager.enqueue("ok", i, TaskOptions.defaults().queue(QUEUE));
			ids.add(handle.id());
			await().until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		}
		TaskHandle<Object> bad = this.manager.enqueue("bad", "x", fastRetries(1));
		await().until(() -> bad.state().orElseThrow() == TaskState.DEAD);

		TaskHistoryService history = this.manager.history();
		HistoryPage first = history.getQueueHistory(QUEUE, HistoryQuery.newest().withLimit(3));
		assertThat(first.attempts()).extracting(TaskAttempt::taskId).containsExactly(bad.id(), ids.get(6), ids.get(5));
		assertThat(first.nextCursor()).isNotNull();
		HistoryPage second = history.getQueueHistory(QUEUE,
				HistoryQuery.newest().withLimit(3).withCursor(first.nextCursor()));
		assertThat(second.attempts()).extracting(TaskAttempt::taskId)
			.containsExactly(ids.get(4), ids.get(3), ids.get(2));
		HistoryPage third = history.getQueueHistory(QUEUE,
				HistoryQuery.newest().withLimit(3).withCursor(second.nextCursor()));
		assertThat(third.attempts()).extracting(TaskAttempt::taskId).containsExactly(ids.get(1), ids.get(0));
		assertThat(third.nextCursor()).isNull();

		assertThat(history.getQueueHistory(QUEUE, HistoryQuery.newest().withOutcomes(HistoryOutcome.DEAD)).attempts())
			.singleElement()
			.satisfies((attempt) -> {
				assertThat(attempt.taskId()).isEqualTo(bad.id());
				assertThat(attempt.error().type()).isEqualTo("java.lang.IllegalArgumentException");
				// The stream keeps the first line of an error; the task keeps the trace.
				assertThat(attempt.error().trace()).isEmpty();
			});
		assertThat(history.getQueueHistory(QUEUE, HistoryQuery.newest().withTaskName("ok")).attempts()).hasSize(7)
			.allSatisfy((attempt) -> assertThat(attempt.result()).isEqualTo("\"fine\""));
		assertThat(history.getGlobalHistory(HistoryQuery.newest()).attempts()).hasSize(8);
		assertThat(history.getWorkerHistory("node-1", HistoryQuery.newest()).attempts()).hasSize(8);
		assertThat(history.getWorkerHistory("node-2", HistoryQuery.newest()).attempts()).isEmpty();
		assertThat(history.getQueueHistory(QUEUE, HistoryQuery.newest().withRange(null, Instant.now().minusSeconds(60)))
			.attempts()).isEmpty();
	}

	@Test
	void statisticsCountEveryAttemptByQueueAndByTaskName() {
		this.manager.register("ok", (task) -> "fine");
		this.manager.register("flaky", (task) -> {
			if (task.attempt() == 1) {
				throw new IllegalStateException("transient " + task.id());
			}
			return null;
		});
		startPool();
		List<TaskHandle<Object>> handles = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			handles.add(this.manager.enqueue("ok", i, TaskOptions.defaults().queue(QUEUE)));
		}
		for (int i = 0; i < 4; i++) {
			handles.add(this.manager.enqueue("flaky", i, fastRetries(3)));
		}
		await().until(() -> handles.stream().allMatch((h) -> h.state().orElseThrow() == TaskState.COMPLETED));

		HistoryStats queue = this.manager.history()
			.getHistoryStats(StatsQuery.lastHour().withQueue(QUEUE).withResolution(StatsResolution.MINUTE));
		assertThat(queue.totals().completed()).isEqualTo(14);
		assertThat(queue.totals().failed()).isEqualTo(4);
		assertThat(queue.totals().retried()).isEqualTo(4);
		assertThat(queue.totals().attempts()).isEqualTo(18);
		assertThat(queue.totals().dead()).isZero();
		assertThat(queue.totals().successRate()).isEqualTo(14.0 / queue.totals().attempts());
		// Buckets are whole minutes: the hour before now touches 61 of them unless it
		// starts on one.
		assertThat(queue.series()).hasSizeBetween(60, 61);
		assertThat(queue.series().stream().mapToLong((bucket) -> bucket.totals().completed()).sum()).isEqualTo(14);
		assertThat(queue.totals().p99Duration()).isGreaterThanOrEqualTo(queue.totals().p50Duration());

		HistoryStats ok = this.manager.history().getHistoryStats(StatsQuery.lastHour().withTaskName("ok"));
		assertThat(ok.totals().completed()).isEqualTo(10);
		assertThat(ok.totals().failures()).isZero();
		HistoryStats worker = this.manager.history().getHistoryStats(StatsQuery.lastHour().withWorker("node-1"));
		assertThat(worker.totals().attempts()).isEqualTo(queue.totals().attempts());
		HistoryStats byDay = this.manager.history()
			.getHistoryStats(StatsQuery.lastHour().withResolution(StatsResolution.DAY));
		assertThat(byDay.totals().completed()).isEqualTo(14);

		// Read again: reading counts nothing.
		assertThat(this.manager.history().getHistoryStats(StatsQuery.lastHour().withQueue(QUEUE)).totals())
			.isEqualTo(queue.totals());
	}

	@Test
	void failuresGroupIntoPatternsWithNumbersMasked() {
		this.manager.register("lookup", (task) -> {
			throw new IllegalStateException("Order " + task.payload(Integer.class) + " not found");
		});
		startPool();
		List<TaskHandle<Object>> handles = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			handles.add(this.manager.enqueue("lookup", 1000 + i, fastRetries(1)));
		}
		await().until(() -> handles.stream().allMatch((h) -> h.state().orElseThrow() == TaskState.DEAD));

		List<ErrorPattern> patterns = this.manager.history().getErrorPatterns(QUEUE, null, null, 10);
		assertThat(patterns).singleElement().satisfies((pattern) -> {
			assertThat(pattern.type()).isEqualTo("java.lang.IllegalStateException");
			assertThat(pattern.message()).isEqualTo("Order <n> not found");
			assertThat(pattern.count()).isEqualTo(5);
			assertThat(pattern.lastSeen()).isAfterOrEqualTo(pattern.firstSeen());
			assertThat(handles).extracting(TaskHandle::id).contains(pattern.exampleTaskId());
		});
	}

	@Test
	void badQueriesAreRefusedNamingWhatIsAllowed() {
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> HistoryQuery.newest().withLimit(1001))
			.withMessage("limit must be between 1 and 1000, was 1001");
		assertThatExceptionOfType(InvalidTaskOptionException.class).isThrownBy(
				() -> this.manager.history().getQueueHistory(QUEUE, HistoryQuery.newest().withCursor("not a cursor")))
			.withMessage("cursor is not one a history page gave");
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.manager.history()
				.getHistoryStats(StatsQuery.lastHour()
					.withRange(Instant.now().minus(Duration.ofDays(2)), Instant.now())
					.withResolution(StatsResolution.MINUTE)))
			.withMessageContaining("at most 1000 are allowed");
		assertThatExceptionOfType(InvalidTaskOptionException.class)
			.isThrownBy(() -> this.manager.history().getHistoryStats(StatsQuery.lastHour().withGroup("g")))
			.withMessage("a group's statistics need its queue");
	}

	@Test
	void theStoredErrorIsCutToTheConfiguredLength() {
		QueueManager cut = this.managers.build((builder) -> builder.keyPrefix("cut")
			.history(new HistoryOptions(true, 10_000, Duration.ofDays(1), Duration.ofHours(6), Duration.ofDays(14),
					Duration.ofDays(400), 300)));
		cut.register("deep", (task) -> {
			throw new IllegalStateException("x".repeat(250));
		});
		cut.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).build());
		TaskHandle<Object> handle = cut.enqueue("deep", "x", fastRetries(1));
		await().until(() -> handle.state().orElseThrow() == TaskState.DEAD);
		String stored = handle.info().orElseThrow().lastError();
		assertThat(stored).startsWith("java.lang.IllegalStateException: xxx").hasSizeLessThan(300 + 40);
		assertThat(cut.history().getTaskHistory(QUEUE, handle.id())).singleElement()
			.satisfies((attempt) -> assertThat(attempt.error().message()).startsWith("xxx"));
	}

	@Test
	void withHistoryOffNothingIsRecorded() {
		QueueManager off = this.managers.build((builder) -> builder.keyPrefix("off").history(HistoryOptions.off()));
		off.register("ok", (task) -> "fine");
		off.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).build());
		TaskHandle<Object> handle = off.enqueue("ok", "x", TaskOptions.defaults().queue(QUEUE));
		await().until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);

		assertThat(off.history().isEnabled()).isFalse();
		assertThat(off.history().getTaskHistory(QUEUE, handle.id())).isEmpty();
		assertThat(off.history().getQueueHistory(QUEUE, HistoryQuery.newest()).attempts()).isEmpty();
		RedisCommands<String, String> redis = this.managers.redisCommands();
		assertThat(redis.keys("off:*events*")).isEmpty();
		assertThat(redis.hkeys("off:{" + QUEUE + "}:t:" + handle.id())).noneMatch((field) -> field.matches("a\\d+"));
	}

	private void startPool() {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).concurrency(2).build());
	}

	private static TaskOptions fastRetries(int attempts) {
		return TaskOptions.defaults().queue(QUEUE).maxAttempts(attempts).backoff(Backoff.fixed(Duration.ofMillis(20)));
	}

}
