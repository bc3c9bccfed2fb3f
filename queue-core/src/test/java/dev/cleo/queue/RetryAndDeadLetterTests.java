/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failed attempts retry after their backoff until attempts run out, then the task is dead
 * with its last error; an expired lease is a failed attempt like any other; the
 * dead-letter queue lists, retries and deletes.
 */
@QueueManagerTest
class RetryAndDeadLetterTests {

	private static final String QUEUE = "retries";

	/**
	 * Retry times are whole milliseconds of the clock, so a gap may look up to 1 ms
	 * shorter than the backoff when measured with {@code nanoTime}; allow a little more.
	 */
	private static final long GRANULARITY_MILLIS = 3;

	private QueueManager manager;

	private QueueManagers managers;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build((builder) -> builder.workerId("node"));
		this.managers = managers;
	}

	@Test
	void failingTaskRetriesNoEarlierThanItsFixedBackoffThenGoesDeadWithItsLastError() {
		Map<String, List<Attempt>> attempts = alwaysFailing("flaky");
		startPool();
		TaskHandle<Object> handle = this.manager.enqueue("flaky", "x",
				TaskOptions.defaults().queue(QUEUE).maxAttempts(3).backoff(Backoff.fixed(Duration.ofMillis(200))));

		await().atMost(Duration.ofSeconds(10)).until(() -> handle.state().orElseThrow() == TaskState.DEAD);
		List<Attempt> runs = attempts.get(handle.id());
		assertThat(runs).extracting(Attempt::number).containsExactly(1, 2, 3);
		for (long gap : gapsMillis(runs)) {
			assertThat(gap).isGreaterThanOrEqualTo(200 - GRANULARITY_MILLIS);
		}
		List<TaskInfo> dead = this.manager.deadLetters(QUEUE).list(0, 10);
		assertThat(dead).singleElement().satisfies((task) -> {
			assertThat(task.id()).isEqualTo(handle.id());
			assertThat(task.state()).isEqualTo(TaskState.DEAD);
			assertThat(task.attempts()).isEqualTo(3);
			assertThat(task.lastError()).startsWith("java.lang.IllegalStateException: failure of attempt 3\n\tat ");
			assertThat(task.finishedAt()).isNotNull();
		});
		assertThat(this.manager.deadLetters(QUEUE).size()).isEqualTo(1);
		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(0, 0, 0, 0, 1));
	}

	@Test
	void exponentialBackoffGapsGrowWithEachAttempt() {
		Map<String, List<Attempt>> attempts = alwaysFailing("flaky");
		startPool();
		TaskHandle<Object> handle = this.manager.enqueue("flaky", "x",
				TaskOptions.defaults()
					.queue(QUEUE)
					.maxAttempts(4)
					.backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(10))));

		await().atMost(Duration.ofSeconds(10)).until(() -> handle.state().orElseThrow() == TaskState.DEAD);
		List<Long> gaps = gapsMillis(attempts.get(handle.id()));
		assertThat(gaps).hasSize(3);
		assertThat(gaps.get(0)).isGreaterThanOrEqualTo(100 - GRANULARITY_MILLIS);
		assertThat(gaps.get(1)).isGreaterThanOrEqualTo(200 - GRANULARITY_MILLIS).isGreaterThan(gaps.get(0));
		assertThat(gaps.get(2)).isGreaterThanOrEqualTo(400 - GRANULARITY_MILLIS).isGreaterThan(gaps.get(1));
	}

	@Test
	void expiredLeaseIsAFailedAttemptThatRetriesWithTheNextAttemptNumber() {
		List<TaskEvent> failures = new CopyOnWriteArrayList<>();
		this.manager.onTaskEvent(failures::add, ObserverEvent.FAILED, ObserverEvent.RETRIED);
		Map<String, Integer> ranAttempt = new ConcurrentHashMap<>();
		Map<String, String> errorSeenByRetry = new ConcurrentHashMap<>();
		this.manager.register("job", (task) -> {
			ranAttempt.put(task.id(), task.attempt());
			errorSeenByRetry.put(task.id(), this.manager.task(QUEUE, task.id()).orElseThrow().lastError());
			return "done";
		});
		TaskHandle<Object> handle = this.manager.enqueue("job", "x",
				TaskOptions.defaults().queue(QUEUE).maxAttempts(3).backoff(Backoff.fixed(Duration.ofMillis(100))));
		ClaimedTask ghost = claimAndAbandon(Duration.ofMillis(300));
		assertThat(ghost.id()).isEqualTo(handle.id());
		assertThat(handle.state()).contains(TaskState.ACTIVE);

		startPool();
		await().atMost(Duration.ofSeconds(10)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(failures).extracting(TaskEvent::type).containsExactly(ObserverEvent.FAILED, ObserverEvent.RETRIED);
		assertThat(failures).allSatisfy((event) -> {
			assertThat(event.taskId()).isEqualTo(handle.id());
			assertThat(event.attempt()).isEqualTo(1);
			assertThat(event.detail()).startsWith("Lease expired: worker ghost");
		});
		assertThat(ranAttempt).containsExactly(Map.entry(handle.id(), 2));
		assertThat(errorSeenByRetry.get(handle.id())).startsWith("Lease expired: worker ghost");
		TaskInfo task = handle.info().orElseThrow();
		assertThat(task.attempts()).isEqualTo(2);
		assertThat(task.resultJson()).isEqualTo("\"done\"");
	}

	@Test
	void expiredLeaseOfTheLastAttemptSendsTheTaskToTheDeadLetterQueue() {
		AtomicBoolean handlerRan = new AtomicBoolean();
		this.manager.register("job", (task) -> handlerRan.getAndSet(true));
		TaskHandle<Object> handle = this.manager.enqueue("job", "x",
				TaskOptions.defaults().queue(QUEUE).maxAttempts(1));
		claimAndAbandon(Duration.ofMillis(300));

		startPool();
		await().atMost(Duration.ofSeconds(10)).until(() -> handle.state().orElseThrow() == TaskState.DEAD);
		assertThat(this.manager.deadLetters(QUEUE).list(0, 10)).singleElement().satisfies((task) -> {
			assertThat(task.id()).isEqualTo(handle.id());
			assertThat(task.attempts()).isEqualTo(1);
			assertThat(task.lastError()).startsWith("Lease expired: worker ghost");
		});
		assertThat(handlerRan).isFalse();
		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(0, 0, 0, 0, 1));
	}

	@Test
	void deadLetterQueueListsNewestFirstRetriesByIdOrOldestFirstAndDeletes() {
		AtomicBoolean failing = new AtomicBoolean(true);
		Map<String, Integer> completedAttempt = new ConcurrentHashMap<>();
		this.manager.register("job", (task) -> {
			if (failing.get()) {
				throw new IllegalArgumentException("bad input " + task.payload(Integer.class));
			}
			completedAttempt.put(task.id(), task.attempt());
			return null;
		});
		startPool();
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			TaskHandle<Object> handle = this.manager.enqueue("job", i,
					TaskOptions.defaults().queue(QUEUE).maxAttempts(1));
			await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.DEAD);
			ids.add(handle.id());
			// a distinct time of death for each, so "oldest" is well defined
			long died = handle.info().orElseThrow().finishedAt().toEpochMilli();
			await().until(() -> Clock.systemUTC().millis() > died);
		}
		DeadLetterQueue dlq = this.manager.deadLetters(QUEUE);
		assertThat(dlq.list(0, 10)).extracting(TaskInfo::id)
			.containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));
		assertThat(dlq.list(1, 2)).extracting(TaskInfo::id).containsExactly(ids.get(2), ids.get(1));
		assertThat(dlq.list(0, 10)).extracting((task) -> task.lastError().lines().findFirst().orElseThrow())
			.containsExactly("java.lang.IllegalArgumentException: bad input 4",
					"java.lang.IllegalArgumentException: bad input 3",
					"java.lang.IllegalArgumentException: bad input 2",
					"java.lang.IllegalArgumentException: bad input 1");
		failing.set(false);

		assertThat(dlq.reprocess(List.of(ids.get(2)), 100)).containsExactly(ids.get(2));
		await().atMost(Duration.ofSeconds(5)).until(() -> completedAttempt.containsKey(ids.get(2)));
		assertThat(dlq.size()).isEqualTo(3);

		assertThat(dlq.retryAll(2)).containsExactly(ids.get(0), ids.get(1));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> completedAttempt.keySet().containsAll(List.of(ids.get(0), ids.get(1))));
		assertThat(completedAttempt).as("retried tasks start again from attempt 1")
			.containsOnlyKeys(ids.get(0), ids.get(1), ids.get(2))
			.allSatisfy((id, attempt) -> assertThat(attempt).isEqualTo(1));
		for (String id : List.of(ids.get(0), ids.get(1), ids.get(2))) {
			TaskInfo task = this.manager.task(QUEUE, id).orElseThrow();
			assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
			assertThat(task.attempts()).isEqualTo(1);
		}
		assertThat(dlq.list(0, 10)).extracting(TaskInfo::id).containsExactly(ids.get(3));
		assertThat(dlq.retry(List.of(ids.get(0)))).as("a task that is not dead is not retried").isEmpty();

		assertThat(dlq.delete(List.of(ids.get(3)))).isEqualTo(1);
		assertThat(dlq.delete(List.of(ids.get(3)))).isZero();
		assertThat(this.manager.task(QUEUE, ids.get(3))).isEmpty();
		assertThat(this.manager.taskLogs(QUEUE, ids.get(3))).isEmpty();
		assertThat(dlq.size()).isZero();
		assertThat(dlq.retryAll(10)).isEmpty();
		assertThat(this.manager.counts(QUEUE)).isEqualTo(new QueueCounts(0, 0, 0, 3, 0));
	}

	private Map<String, List<Attempt>> alwaysFailing(String name) {
		Map<String, List<Attempt>> attempts = new ConcurrentHashMap<>();
		this.manager.register(name, (task) -> {
			attempts.computeIfAbsent(task.id(), (id) -> new CopyOnWriteArrayList<>())
				.add(new Attempt(task.attempt(), System.nanoTime()));
			throw new IllegalStateException("failure of attempt " + task.attempt());
		});
		return attempts;
	}

	private void startPool() {
		this.manager.startWorkers(WorkerPoolOptions.builder()
			.queue(QUEUE)
			.concurrency(2)
			.lease(Duration.ofSeconds(1))
			.reaperInterval(Duration.ofMillis(100))
			.build());
	}

	/** Lease the next task to a worker that then disappears without a word. */
	private ClaimedTask claimAndAbandon(Duration lease) {
		RedisTaskStore store = this.managers.taskStore(Clock.systemUTC());
		List<ClaimedTask> claimed = store.claim(QUEUE, 1, lease, "ghost").tasks();
		assertThat(claimed).hasSize(1);
		return claimed.get(0);
	}

	private static List<Long> gapsMillis(List<Attempt> attempts) {
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < attempts.size(); i++) {
			gaps.add((attempts.get(i).startedNanos() - attempts.get(i - 1).startedNanos()) / 1_000_000);
		}
		return gaps;
	}

	record Attempt(int number, long startedNanos) {

	}

}
