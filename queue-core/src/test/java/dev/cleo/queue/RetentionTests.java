/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finished tasks are trimmed by count and by age, and their hashes and logs go with them.
 * Which tasks of one millisecond survive a count trim is not asserted: an ack batch
 * records its outcomes with one time, and Redis orders equal scores by id.
 */
@QueueManagerTest
class RetentionTests {

	private static final Clock CLOCK = Clock.systemUTC();

	private static final TaskOptions JOBS = TaskOptions.defaults().queue("jobs");

	private final AtomicInteger runs = new AtomicInteger();

	private QueueManagers managers;

	private RedisCommands<String, String> redis;

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.managers = managers;
		this.redis = managers.redisCommands();
	}

	@Test
	void onlyTheNewestCompletedTasksAreKept() {
		start(new Retention(10, Duration.ofHours(1), 1_000, Duration.ofDays(1)));
		List<TaskHandle<Object>> handles = runAll("noop", 100);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.runs.get() == 100 && settled());
		assertThat(this.manager.counts("jobs").finished()).isEqualTo(10);
		assertThat(keys("t:*")).isEqualTo(10);
		assertThat(keys("logs:*")).isEqualTo(10);
		List<TaskInfo> kept = handles.stream().flatMap((handle) -> handle.info().stream()).toList();
		assertThat(kept).hasSize(10).allSatisfy((task) -> assertThat(task.state()).isEqualTo(TaskState.COMPLETED));
		assertThat(handles.get(0).info()).as("the first task to finish").isEmpty();
	}

	@Test
	void completedTasksOlderThanTheMaxAgeAreRemovedByLaterAcks() {
		start(new Retention(1_000, Duration.ofMillis(200), 1_000, Duration.ofDays(1)));
		List<TaskHandle<Object>> old = runAll("noop", 5);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.manager.counts("jobs").finished() == 5 && settled());
		awaitAllOlderThanTheMaxAge(old);
		TaskHandle<Object> fresh = this.manager.enqueue("noop", null, JOBS);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.runs.get() == 6 && settled());
		assertThat(this.manager.counts("jobs").finished()).isOne();
		assertThat(keys("t:*")).isOne();
		assertThat(fresh.state()).contains(TaskState.COMPLETED);
		assertThat(old).allSatisfy((handle) -> assertThat(handle.info()).isEmpty());
	}

	@Test
	void onlyTheNewestDeadTasksAreKept() {
		start(new Retention(1_000, Duration.ofHours(1), 3, Duration.ofDays(1)));
		List<TaskHandle<Object>> handles = runAll("doomed", 10);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.runs.get() == 10 && settled());
		assertThat(this.manager.counts("jobs").dead()).isEqualTo(3);
		assertThat(this.manager.deadLetters("jobs").list(0, 100)).hasSize(3)
			.allSatisfy((task) -> assertThat(task.lastError()).startsWith("cannot succeed\n\tat "));
		assertThat(handles.get(0).info()).as("the first task to die").isEmpty();
		assertThat(keys("t:*")).isEqualTo(3);
		assertThat(keys("logs:*")).isEqualTo(3);
	}

	@Test
	void deadTasksOlderThanTheMaxAgeAreRemovedByLaterAcks() {
		start(new Retention(1_000, Duration.ofHours(1), 1_000, Duration.ofMillis(200)));
		List<TaskHandle<Object>> old = runAll("doomed", 3);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.manager.counts("jobs").dead() == 3 && settled());
		awaitAllOlderThanTheMaxAge(old);
		TaskHandle<Object> fresh = this.manager.enqueue("doomed", null, JOBS);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.runs.get() == 4 && settled());
		assertThat(this.manager.counts("jobs").dead()).isOne();
		assertThat(keys("t:*")).isOne();
		assertThat(fresh.state()).contains(TaskState.DEAD);
	}

	private void start(Retention retention) {
		this.manager = this.managers.build((builder) -> builder.retention(retention));
		this.manager.register("noop", (task) -> {
			task.log("ran " + this.runs.incrementAndGet());
			return null;
		});
		this.manager.register("doomed", (task) -> {
			task.log("ran " + this.runs.incrementAndGet());
			throw new UnrecoverableTaskException("cannot succeed");
		});
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("jobs").concurrency(1).build());
	}

	private List<TaskHandle<Object>> runAll(String name, int count) {
		return this.manager
			.enqueueAll(IntStream.range(0, count).mapToObj((i) -> TaskRequest.of(name, i, JOBS)).toList());
	}

	/**
	 * Waits until the last of the tasks finished more than the tests' 200 ms max age ago.
	 */
	private static void awaitAllOlderThanTheMaxAge(List<TaskHandle<Object>> finished) {
		long lastFinished = finished.stream()
			.mapToLong((handle) -> handle.info().orElseThrow().finishedAt().toEpochMilli())
			.max()
			.orElseThrow();
		await().atMost(Duration.ofSeconds(2)).until(() -> CLOCK.millis() > lastFinished + 200);
	}

	/** Nothing waits or runs, so every outcome is recorded. */
	private boolean settled() {
		QueueCounts counts = this.manager.counts("jobs");
		return counts.waiting() == 0 && counts.delayed() == 0 && counts.active() == 0;
	}

	private long keys(String pattern) {
		ScanArgs match = ScanArgs.Builder.matches("cleo:{jobs}:" + pattern).limit(1_000);
		long found = 0;
		ScanCursor cursor = ScanCursor.INITIAL;
		do {
			KeyScanCursor<String> page = this.redis.scan(cursor, match);
			found += page.getKeys().size();
			cursor = page;
		}
		while (!cursor.isFinished());
		return found;
	}

}
