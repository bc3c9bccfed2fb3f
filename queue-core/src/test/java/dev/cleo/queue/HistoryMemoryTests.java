/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.history.HistoryOptions;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What history costs in Redis memory, measured with {@code MEMORY USAGE} on the keys of
 * two queues that ran the same tasks, one with history and one without, and held to the
 * figures docs/history.md gives ("The cost"): bytes per attempt record in a task's hash,
 * per line of the event stream, and per statistics bucket of a queue with one task name
 * and one worker. The bounds are the measured values (printed) with some margin.
 */
@QueueManagerTest
class HistoryMemoryTests {

	private static final int TASKS = 2_000;

	/** Queue names of equal length, so that their keys take the same room. */
	private static final String WITH = "history-on";

	private static final String WITHOUT = "historyoff";

	private static final String TASK = "noop";

	private QueueManager recording;

	private RedisCommands<String, String> redis;

	@BeforeEach
	void runTheSameTasksWithAndWithoutHistory(QueueManagers managers) {
		this.recording = managers.build((builder) -> builder.workerId("node"));
		QueueManager silent = managers.build((builder) -> builder.workerId("node").history(HistoryOptions.off()));
		this.redis = managers.redisCommands();
		run(this.recording, WITH);
		run(silent, WITHOUT);
	}

	@Test
	void anAttemptsRecordInItsTasksHashTakesAtMostItsDocumentedBytes() {
		double perAttempt = (double) (bytes(WITH + "}:t:*") - bytes(WITHOUT + "}:t:*")) / TASKS;
		System.out.printf("an attempt's record in its task hash: %.1f bytes%n", perAttempt);
		assertThat(perAttempt).isPositive().isLessThanOrEqualTo(120);
	}

	@Test
	void anEventLineTakesAtMostItsDocumentedBytesInTheStream() {
		String stream = "cleo:{" + WITH + "}:events";
		List<StreamMessage<String, String>> entries = this.redis.xrange(stream, io.lettuce.core.Range.create("-", "+"));
		List<String> lines = entries.stream().flatMap((entry) -> entry.getBody().get("e").lines()).toList();
		// each task was created, started and ended; the pool's start is a line too
		assertThat(lines).filteredOn((line) -> line.startsWith("N") || line.startsWith("S") || line.startsWith("E"))
			.hasSize(3 * TASKS);
		assertThat(lines).hasSizeLessThan(3 * TASKS + 10);
		double perLine = (double) memoryUsage(stream) / lines.size();
		System.out.printf("the event stream: %d entries, %d lines, %.1f bytes a line, %.1f a task%n", entries.size(),
				lines.size(), perLine, perLine * 3);
		assertThat(perLine).isLessThanOrEqualTo(100);
		assertThat(this.redis.exists("cleo:{" + WITHOUT + "}:events")).isZero();
	}

	@Test
	void aStatisticsBucketOfOneTaskNameAndOneWorkerTakesAtMostItsDocumentedBytes() {
		List<String> buckets = keys(WITH + "}:hr:*");
		// a minute, an hour and a day bucket, and more if the run crossed a minute's end
		assertThat(buckets).hasSizeGreaterThanOrEqualTo(3);
		String largest = buckets.stream().max(Comparator.comparingLong(this::memoryUsage)).orElseThrow();
		long bytes = memoryUsage(largest);
		long fields = this.redis.hlen(largest);
		System.out.printf("statistics buckets %s: the largest %d bytes, %d fields%n", buckets.size(), bytes, fields);
		// every histogram slot in use is a field: the waits' spread decides how many
		assertThat(bytes).isLessThanOrEqualTo(2_048);
		assertThat((double) bytes / fields).isLessThanOrEqualTo(24);
		assertThat(keys(WITHOUT + "}:hr:*")).isEmpty();
	}

	@Test
	void historyAddsAtMostItsDocumentedBytesPerTaskToTheQueuesKeys() {
		double perTask = (double) (bytes(WITH + "}*") - bytes(WITHOUT + "}*")) / TASKS;
		System.out.printf("history per task of one attempt, all keys of the queue: %.1f bytes%n", perTask);
		assertThat(perTask).isLessThanOrEqualTo(400);
	}

	private static void run(QueueManager manager, String queue) {
		manager.register(TASK, (task) -> null);
		TaskOptions options = TaskOptions.defaults().queue(queue);
		manager.enqueueAll(IntStream.range(0, TASKS).mapToObj((n) -> TaskRequest.of(TASK, n, options)).toList());
		manager.startWorkers(WorkerPoolOptions.builder().queue(queue).concurrency(4).build());
		await().atMost(Duration.ofSeconds(60)).until(() -> manager.counts(queue).finished() == TASKS);
	}

	/** The bytes of every key matching {@code cleo:{<pattern>}. */
	private long bytes(String pattern) {
		return keys(pattern).stream().mapToLong(this::memoryUsage).sum();
	}

	private List<String> keys(String pattern) {
		return ScanIterator.scan(this.redis, ScanArgs.Builder.matches("cleo:{" + pattern).limit(1_000))
			.stream()
			.toList();
	}

	/** {@code MEMORY USAGE key SAMPLES 0}: every element counted, not a sample. */
	private long memoryUsage(String key) {
		CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add("USAGE")
			.addKey(key)
			.add("SAMPLES")
			.add(0);
		return this.redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8), args);
	}

}
