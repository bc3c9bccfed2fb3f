/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The registry lists every queue enqueued to or served, from any instance; a queue's
 * description shows its counts, paused flag and the pools serving it, live ones only.
 */
@QueueManagerTest
class QueueInfoTests {

	private QueueManager manager;

	private QueueManager other;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build((builder) -> builder.workerId("node-a"));
		this.other = managers.build((builder) -> builder.workerId("node-b"));
	}

	@Test
	void queuesListsQueuesEnqueuedToOrServedByAnyInstanceSorted() {
		assertThat(this.manager.queues()).isEmpty();
		this.manager.enqueue("job", 1, TaskOptions.defaults().queue("zeta"));
		this.manager.enqueue("job", 2, TaskOptions.defaults().queue("zeta"));
		this.other.enqueue("job", 3, TaskOptions.defaults().queue("alpha"));
		this.other.startWorkers(WorkerPoolOptions.builder().queue("served").build());
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.manager.queues()).containsExactly("alpha", "served", "zeta"));
	}

	@Test
	void queueInfoShowsCountsPausedFlagAndThePoolsOfEveryInstance() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		this.manager.register("slow", (task) -> release.await(10, TimeUnit.SECONDS));
		this.other.register("slow", (task) -> release.await(10, TimeUnit.SECONDS));
		startJobsPool(this.manager, "main", 3);
		startJobsPool(this.other, "busy", 2);
		this.manager.pause("other-queue");
		try {
			this.manager.enqueue("slow", null, TaskOptions.defaults().queue("jobs"));
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				QueueInfo info = this.manager.queueInfo("jobs");
				assertThat(info.name()).isEqualTo("jobs");
				assertThat(info.paused()).isFalse();
				assertThat(info.counts().active()).isEqualTo(1);
				assertThat(info.instances()).containsExactly("node-a", "node-b");
				assertThat(info.workers()).extracting(WorkerInfo::pool, WorkerInfo::concurrency)
					.containsExactly(tuple("main", 3), tuple("busy", 2));
				assertThat(info.workers()).extracting(WorkerInfo::active).containsExactlyInAnyOrder(0, 1);
			});
		}
		finally {
			release.countDown();
		}
		assertThat(this.manager.queueInfo("other-queue").paused()).isTrue();
	}

	@Test
	void workerPoolsListsThisManagersPoolsOnly() {
		WorkerPool mine = this.manager.startWorkers(WorkerPoolOptions.builder().name("mine").queue("jobs").build());
		this.other.startWorkers(WorkerPoolOptions.builder().name("theirs").queue("jobs").build());
		assertThat(this.manager.workerPools()).containsExactly(mine);
		mine.stop();
		assertThat(this.manager.workerPools()).singleElement()
			.satisfies((pool) -> assertThat(pool.isRunning()).isFalse());
	}

	@Test
	void stoppedPoolDisappearsAtOnce() {
		WorkerPool pool = this.other.startWorkers(WorkerPoolOptions.builder().name("p").queue("jobs").build());
		assertThat(this.manager.queueInfo("jobs").instances()).containsExactly("node-b");
		pool.stop();
		assertThat(this.manager.queueInfo("jobs").workers()).isEmpty();
	}

	@Test
	void poolThatStoppedReportingForThreeHeartbeatsIsDroppedAndRemoved(RedisServer redis) {
		long longAgo = System.currentTimeMillis() - 31_000;
		try (RedisClient client = redisClient(redis);
				StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().hset("cleo:{jobs}:workers", "dead-node/p", "4|1|" + longAgo + "|10000|dead-node");
			connection.sync()
				.hset("cleo:{jobs}:workers", "live-node/p", "4|0|" + System.currentTimeMillis() + "|10000|live-node");
			assertThat(this.manager.queueInfo("jobs").instances()).containsExactly("live-node");
			assertThat(connection.sync().hkeys("cleo:{jobs}:workers")).containsExactly("live-node/p");
		}
	}

	private static RedisClient redisClient(RedisServer redis) {
		return RedisClient.create(redis.uri());
	}

	private static void startJobsPool(QueueManager manager, String name, int concurrency) {
		manager.startWorkers(WorkerPoolOptions.builder()
			.name(name)
			.queue("jobs")
			.concurrency(concurrency)
			.heartbeat(Duration.ofMillis(100))
			.build());
	}

}
