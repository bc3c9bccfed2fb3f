/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cleo.queue.redis.RedisEndpoint;
import dev.cleo.queue.redis.RedisKeys;
import dev.cleo.queue.test.RedisClusterExtension;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cleo on a real three-master Redis Cluster: queues whose hash tags land on different
 * masters enqueue, run, retry, dead-letter, delay, pause, report, clean up and announce
 * their ends through the cluster's pub/sub connection.
 */
@ExtendWith(RedisClusterExtension.class)
class ClusterTests {

	/** Hash to slots 3728, 9450 and 12682: one per master of a fresh 3-master cluster. */
	private static final List<String> QUEUES = List.of("emails", "images", "billing");

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final AtomicInteger tests = new AtomicInteger();

	private static RedisClusterClient client;

	private String prefix;

	private QueueManager manager;

	private final Map<String, String> ran = new ConcurrentHashMap<>();

	@BeforeAll
	static void connect(RedisClusterClient shared) {
		client = shared;
	}

	@BeforeEach
	void buildManager() {
		this.prefix = "cluster" + tests.incrementAndGet();
		this.manager = newManager(this.prefix, Duration.ofMillis(200));
		this.manager.register("record", (task) -> {
			this.ran.put(task.payload(String.class), task.queue());
			return "ok:" + task.payload(String.class);
		});
	}

	@AfterEach
	void closeManager() {
		this.manager.close();
	}

	@Test
	void queuesLandOnDifferentMasters() {
		Set<String> masters = QUEUES.stream().map(ClusterTests::masterOf).collect(Collectors.toSet());
		assertThat(masters).hasSizeGreaterThanOrEqualTo(2);
		assertThat(client.getPartitions().getPartitions()).hasSize(3);
	}

	@Test
	void singleAndBatchEnqueuesOnEveryQueueRunOnOneWorkerPool() {
		List<String> expected = new ArrayList<>();
		List<TaskRequest> batch = new ArrayList<>();
		for (String queue : QUEUES) {
			this.manager.enqueue("record", "single-" + queue, TaskOptions.defaults().queue(queue));
			expected.add("single-" + queue);
			for (int i = 0; i < 5; i++) {
				batch.add(TaskRequest.of("record", "batch-" + queue + "-" + i, TaskOptions.defaults().queue(queue)));
				expected.add("batch-" + queue + "-" + i);
			}
		}
		List<TaskHandle<Object>> handles = this.manager.enqueueAll(batch);
		assertThat(handles).hasSize(batch.size());
		startPool(QUEUES);

		await().atMost(WAIT).until(() -> this.ran.size() == expected.size());
		assertThat(this.ran.keySet()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(this.ran).containsEntry("batch-billing-3", "billing").containsEntry("single-images", "images");
		for (String queue : QUEUES) {
			await().atMost(WAIT).until(() -> this.manager.counts(queue).equals(new QueueCounts(0, 0, 0, 6, 0)));
		}
		assertThat(handles.get(0).result()).contains("ok:batch-emails-0");
	}

	@Test
	void failingTasksRetryThenGoDeadAndDeadLetterRetryAllRunsThemAgain() {
		AtomicBoolean failing = new AtomicBoolean(true);
		Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
		this.manager.register("flaky", (task) -> {
			attempts.computeIfAbsent(task.queue(), (queue) -> new AtomicInteger()).incrementAndGet();
			if (failing.get()) {
				throw new IllegalStateException("down in " + task.queue());
			}
			return "recovered";
		});
		startPool(QUEUES);
		List<TaskHandle<Object>> handles = new ArrayList<>();
		for (String queue : QUEUES) {
			handles.add(this.manager.enqueue("flaky", queue,
					TaskOptions.defaults().queue(queue).maxAttempts(2).backoff(Backoff.fixed(Duration.ofMillis(50)))));
		}

		for (TaskHandle<Object> handle : handles) {
			await().atMost(WAIT).until(() -> handle.state().orElseThrow() == TaskState.DEAD);
			DeadLetterQueue dead = this.manager.deadLetters(handle.queue());
			assertThat(dead.size()).isEqualTo(1);
			assertThat(dead.list(0, 10)).singleElement()
				.satisfies((task) -> assertThat(task.lastError()).contains("down in " + handle.queue()));
			assertThat(attempts.get(handle.queue())).hasValue(2);
		}
		failing.set(false);
		for (TaskHandle<Object> handle : handles) {
			assertThat(this.manager.deadLetters(handle.queue()).retryAll(100)).containsExactly(handle.id());
		}
		for (TaskHandle<Object> handle : handles) {
			await().atMost(WAIT).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
			assertThat(handle.result()).contains("recovered");
			assertThat(this.manager.deadLetters(handle.queue()).size()).isZero();
		}
	}

	@Test
	void delayedTaskWaitsUntilItsTimeThenRuns() {
		startPool(QUEUES);
		List<TaskHandle<Object>> handles = new ArrayList<>();
		for (String queue : QUEUES) {
			handles.add(this.manager.enqueue("record", "later-" + queue,
					TaskOptions.defaults().queue(queue).delay(Duration.ofMillis(700))));
		}
		Instant enqueued = Instant.now();
		for (TaskHandle<Object> handle : handles) {
			assertThat(handle.state()).contains(TaskState.DELAYED);
			assertThat(this.manager.counts(handle.queue()).delayed()).isEqualTo(1);
		}
		for (TaskHandle<Object> handle : handles) {
			await().atMost(WAIT).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
			TaskInfo info = handle.info().orElseThrow();
			assertThat(info.startedAt()).isAfterOrEqualTo(info.runAt());
		}
		assertThat(Duration.between(enqueued, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(600));
	}

	@Test
	void pausedQueueKeepsItsTasksWaitingUntilResumedWhileOthersRun() {
		String paused = QUEUES.get(1);
		String running = QUEUES.get(2);
		this.manager.pause(paused);
		assertThat(this.manager.queueInfo(paused).paused()).isTrue();
		startPool(List.of(paused, running));
		TaskHandle<Object> held = this.manager.enqueue("record", "held", TaskOptions.defaults().queue(paused));
		TaskHandle<Object> free = this.manager.enqueue("record", "free", TaskOptions.defaults().queue(running));

		await().atMost(WAIT).until(() -> free.state().orElseThrow() == TaskState.COMPLETED);
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> held.state().orElseThrow() == TaskState.WAITING);
		assertThat(this.manager.queueInfo(paused).paused()).isTrue();
		this.manager.resume(paused);
		assertThat(this.manager.queueInfo(paused).paused()).isFalse();
		await().atMost(WAIT).until(() -> held.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(this.ran).containsKeys("held", "free");
	}

	@Test
	void queuesAndQueueInfoReportEveryQueueWithItsCountsAndWorkers() {
		for (String queue : QUEUES) {
			this.manager.enqueue("record", "info-" + queue, TaskOptions.defaults().queue(queue));
		}
		assertThat(this.manager.queues()).containsExactlyInAnyOrderElementsOf(QUEUES);
		for (String queue : QUEUES) {
			QueueInfo info = this.manager.queueInfo(queue);
			assertThat(info.name()).isEqualTo(queue);
			assertThat(info.counts()).isEqualTo(new QueueCounts(1, 0, 0, 0, 0));
			assertThat(info.paused()).isFalse();
		}
		startPool(QUEUES);
		for (String queue : QUEUES) {
			await().atMost(WAIT).untilAsserted(() -> {
				QueueInfo info = this.manager.queueInfo(queue);
				assertThat(info.counts()).isEqualTo(new QueueCounts(0, 0, 0, 1, 0));
				assertThat(info.workers()).singleElement()
					.satisfies((worker) -> assertThat(worker.concurrency()).isEqualTo(4));
			});
		}
	}

	@Test
	void cleanupRemovesFinishedTasksAndPurgeEmptiesTheDeadLetterQueues() {
		this.manager.register("doomed", (task) -> {
			throw new UnrecoverableTaskException("no way");
		});
		startPool(QUEUES);
		List<TaskHandle<Object>> done = new ArrayList<>();
		List<TaskHandle<Object>> dead = new ArrayList<>();
		for (String queue : QUEUES) {
			done.add(this.manager.enqueue("record", "clean-" + queue, TaskOptions.defaults().queue(queue)));
			dead.add(this.manager.enqueue("doomed", "x", TaskOptions.defaults().queue(queue)));
		}
		for (TaskHandle<Object> handle : done) {
			await().atMost(WAIT).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		}
		for (TaskHandle<Object> handle : dead) {
			await().atMost(WAIT).until(() -> handle.state().orElseThrow() == TaskState.DEAD);
		}
		for (String queue : QUEUES) {
			assertThat(this.manager.cleanup(queue, new CleanupRequest(true, true, Duration.ZERO))).isEqualTo(1);
			assertThat(this.manager.deadLetters(queue).purge()).isEqualTo(1);
			assertThat(this.manager.counts(queue)).isEqualTo(new QueueCounts(0, 0, 0, 0, 0));
		}
		for (TaskHandle<Object> handle : done) {
			assertThat(handle.info()).isEmpty();
		}
		for (TaskHandle<Object> handle : dead) {
			assertThat(handle.info()).isEmpty();
		}
	}

	/**
	 * The waiting manager checks no task within the test (its check interval is 10
	 * minutes) and the tasks run on another manager, so only the announcements on the
	 * {@code finished} channels can complete the futures. Its one pub/sub connection is
	 * subscribed on one node while the queues live on all three masters, so at least two
	 * announcements cross the cluster bus.
	 */
	@Test
	void completionFutureIsCompletedByThePubSubAnnouncementOfEachQueue() throws Exception {
		assertThat(QUEUES.stream().map(ClusterTests::masterOf).distinct()).hasSize(3);
		this.manager.close();
		this.manager = newManager(this.prefix, Duration.ofMinutes(10));
		List<CompletableFuture<Object>> futures = new ArrayList<>();
		for (String queue : QUEUES) {
			futures.add(this.manager
				.enqueue("record", "announced-" + queue, TaskOptions.defaults().queue(queue).notifyOnFinish(true))
				.completion());
		}
		RedisKeys keys = new RedisKeys(this.prefix);
		for (String queue : QUEUES) {
			await().atMost(WAIT).until(() -> subscribers(keys.key(queue, "finished")) == 1);
		}

		try (QueueManager worker = newManager(this.prefix, Duration.ofMinutes(10))) {
			worker.register("record", (task) -> "ok:" + task.payload(String.class));
			startPool(worker, QUEUES);
			for (int i = 0; i < QUEUES.size(); i++) {
				assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("ok:announced-" + QUEUES.get(i));
			}
		}
	}

	/**
	 * Counts the subscribers of a channel on every node: {@code PUBSUB NUMSUB} answers
	 * for its own node only.
	 */
	private static long subscribers(String channel) {
		try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
			long total = 0;
			for (RedisClusterNode node : client.getPartitions()) {
				Map<String, Long> counts = connection.getConnection(node.getNodeId()).sync().pubsubNumsub(channel);
				total += counts.getOrDefault(channel, 0L);
			}
			return total;
		}
	}

	private QueueManager newManager(String keyPrefix, Duration completionCheckInterval) {
		return QueueManager.builder()
			.redis(RedisEndpoint.cluster(client))
			.keyPrefix(keyPrefix)
			.completionCheckInterval(completionCheckInterval)
			.build();
	}

	private void startPool(List<String> queues) {
		startPool(this.manager, queues);
	}

	private static void startPool(QueueManager manager, List<String> queues) {
		WorkerPoolOptions.Builder options = WorkerPoolOptions.builder()
			.concurrency(4)
			.lease(Duration.ofSeconds(5))
			.reaperInterval(Duration.ofMillis(100))
			.idleWait(Duration.ofMillis(200));
		queues.forEach(options::queue);
		manager.startWorkers(options.build());
	}

	private static String masterOf(String queue) {
		int slot = SlotHash.getSlot("{" + queue + "}");
		return client.getPartitions().getPartitionBySlot(slot).getNodeId();
	}

}
