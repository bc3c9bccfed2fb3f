/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.history.HistoryPage;
import dev.cleo.queue.history.HistoryQuery;
import dev.cleo.queue.history.HistoryStats;
import dev.cleo.queue.history.StatsQuery;
import dev.cleo.queue.history.TaskAttempt;
import dev.cleo.queue.history.TaskHistoryService;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History lives in Redis with the tasks, so it is as durable as Redis is made: on a
 * server with an append-only file it survives a restart, read by a manager that was not
 * there before. And a task's attempts are kept in the task's own hash, so they go when
 * retention removes the task, while the statistics, which count them, stay.
 */
class HistoryPersistenceTests {

	private static final String QUEUE = "durable";

	private static final String TASK = "flaky";

	private final List<QueueManager> managers = new ArrayList<>();

	private RedisServer redis;

	@BeforeEach
	void startRedis() {
		this.redis = RedisServer.startWithAppendOnlyFile();
	}

	@AfterEach
	void stopRedis() {
		try {
			this.managers.forEach(QueueManager::close);
		}
		finally {
			this.redis.close();
		}
	}

	@Test
	void attemptsRecentHistoryAndStatisticsReadTheSameAfterARestartFromTheAppendOnlyFile() {
		Instant since = Instant.now().minus(Duration.ofMinutes(1));
		QueueManager before = runningManager((builder) -> builder);
		List<String> ids = runTasks(before, 0, 20);
		Instant until = Instant.now().plus(Duration.ofMinutes(1));
		Map<String, List<TaskAttempt>> attempts = attemptsOf(before.history(), ids);
		HistoryPage recent = before.history().getQueueHistory(QUEUE, HistoryQuery.newest().withLimit(100));
		HistoryStats stats = statsOf(before.history(), since, until);
		assertThat(attempts.values()).allSatisfy((each) -> assertThat(each).isNotEmpty());
		assertThat(recent.attempts()).hasSize(27);
		assertThat(stats.totals().completed()).isEqualTo(20);
		assertThat(stats.totals().failed()).isEqualTo(7);
		this.managers.remove(before);
		before.close();

		this.redis.restart();
		assertThat(this.redis.info("persistence")).contains("aof_enabled:1");

		TaskHistoryService after = manager((builder) -> builder).history();
		assertThat(attemptsOf(after, ids)).isEqualTo(attempts);
		assertThat(after.getQueueHistory(QUEUE, HistoryQuery.newest().withLimit(100))).isEqualTo(recent);
		HistoryStats statsAfter = statsOf(after, since, until);
		assertThat(statsAfter.totals()).isEqualTo(stats.totals());
		assertThat(statsAfter.series()).isEqualTo(stats.series());
	}

	@Test
	void aTaskRemovedByRetentionTakesItsAttemptsWithItAndTheStatisticsKeepCountingThem() {
		Instant since = Instant.now().minus(Duration.ofMinutes(1));
		QueueManager manager = runningManager(
				(builder) -> builder.retention(new Retention(5, Duration.ofHours(1), 5, Duration.ofHours(1))));
		String first = runTasks(manager, 0, 1).get(0);
		assertThat(manager.history().getTaskHistory(QUEUE, first)).hasSize(2);
		try (RedisClient client = this.redis.newClient();
				StatefulRedisConnection<String, String> connection = client.connect()) {
			// The retried attempt has its record; the last one is the hash's own fields.
			assertThat(connection.sync().hkeys("cleo:{" + QUEUE + "}:t:" + first)).contains("a1", "outcome")
				.doesNotContain("a2");

			runTasks(manager, 1, 10);

			assertThat(manager.task(QUEUE, first)).isEmpty();
			assertThat(manager.history().getTaskHistory(QUEUE, first)).isEmpty();
			// nothing of the task is left under any key
			assertThat(connection.sync().keys("*" + first + "*")).isEmpty();
		}
		HistoryStats stats = statsOf(manager.history(), since, Instant.now().plus(Duration.ofMinutes(1)));
		assertThat(stats.totals().completed()).isEqualTo(11);
		assertThat(stats.totals().failed()).isEqualTo(4);
		assertThat(stats.totals().attempts()).isEqualTo(15);
	}

	/**
	 * Runs tasks {@code from} to {@code from + count - 1} to completion; every third
	 * fails its first attempt.
	 */
	private static List<String> runTasks(QueueManager manager, int from, int count) {
		TaskOptions options = TaskOptions.defaults().queue(QUEUE).maxAttempts(2).backoff(Backoff.fixed(Duration.ZERO));
		List<String> ids = manager
			.enqueueAll(IntStream.range(from, from + count).mapToObj((n) -> TaskRequest.of(TASK, n, options)).toList())
			.stream()
			.map(TaskHandle::id)
			.toList();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ids.stream()
				.allMatch((id) -> manager.task(QUEUE, id)
					.map(TaskInfo::state)
					.orElse(TaskState.COMPLETED) == TaskState.COMPLETED));
		return ids;
	}

	private QueueManager runningManager(UnaryOperator<QueueManagerBuilder> settings) {
		QueueManager manager = manager(settings);
		manager.register(TASK, (task) -> {
			if (Integer.parseInt(task.payloadJson()) % 3 == 0 && task.attempt() == 1) {
				throw new IllegalStateException("first attempts of every third task fail");
			}
			return "done";
		});
		manager.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).concurrency(2).build());
		return manager;
	}

	private QueueManager manager(UnaryOperator<QueueManagerBuilder> settings) {
		QueueManager manager = settings.apply(QueueManager.builder().redisUri(this.redis.uri()).workerId("node"))
			.build();
		this.managers.add(manager);
		return manager;
	}

	private static Map<String, List<TaskAttempt>> attemptsOf(TaskHistoryService history, List<String> ids) {
		Map<String, List<TaskAttempt>> attempts = new LinkedHashMap<>();
		ids.forEach((id) -> attempts.put(id, history.getTaskHistory(QUEUE, id)));
		return attempts;
	}

	private static HistoryStats statsOf(TaskHistoryService history, Instant since, Instant until) {
		return history.getHistoryStats(StatsQuery.lastHour().withQueue(QUEUE).withRange(since, until));
	}

}
