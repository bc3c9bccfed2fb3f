/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.test.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Single enqueues that overlap share enqueue scripts, and one withdrawn before it left is
 * never written.
 */
@QueueManagerTest
class EnqueueCoalescingTests {

	private static final TaskOptions JOBS = TaskOptions.defaults().queue("jobs");

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.enqueue("warm-up", null, TaskOptions.defaults().queue("warm-up"));
	}

	@Test
	void concurrentSingleEnqueuesShareScripts(RedisServer redis) throws InterruptedException {
		int threads = 8;
		int perThread = 500;
		Set<String> ids = ConcurrentHashMap.newKeySet();
		long scriptsBefore = CommandStats.calls(redis, "evalsha", "eval");
		List<Thread> callers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread caller = new Thread(() -> {
				for (int i = 0; i < perThread; i++) {
					ids.add(this.manager.enqueue("job", i, JOBS).id());
				}
			});
			caller.start();
			callers.add(caller);
		}
		for (Thread caller : callers) {
			caller.join();
		}
		long scripts = CommandStats.calls(redis, "evalsha", "eval") - scriptsBefore;
		assertThat(ids).hasSize(threads * perThread);
		assertThat(this.manager.counts("jobs").waiting()).isEqualTo(threads * perThread);
		assertThat(scripts).isLessThan(threads * perThread / 2);
	}

	@Test
	void enqueueWithdrawnWhileWaitingIsNeverWritten(RedisServer redis) {
		try (RedisClient client = RedisClient.create(redis.uri());
				StatefulRedisConnection<String, String> admin = client.connect()) {
			// For a second scripts wait in Redis: the first two enqueues are in flight,
			// the
			// third waits its turn in the JVM and is withdrawn there.
			admin.sync().clientPause(1_000);
			CompletableFuture<?> first = enqueueAsync(1);
			CompletableFuture<?> second = enqueueAsync(2);
			CompletableFuture<?> third = enqueueAsync(3);
			third.cancel(false);
			await().atMost(Duration.ofSeconds(5)).until(() -> first.isDone() && second.isDone());
		}
		assertThat(this.manager.counts("jobs").waiting()).isEqualTo(2);
	}

	private CompletableFuture<?> enqueueAsync(int payload) {
		return this.manager.enqueueAllAsync(List.of(TaskRequest.of("job", payload, JOBS)));
	}

}
