/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueManagerTest;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.test.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An idle pool neither polls Redis in a loop nor is slow to notice new work: it blocks on
 * the queue's marker, and an enqueue wakes it at once.
 */
@QueueManagerTest
class IdleWorkerTests {

	private static final TaskOptions IDLE = TaskOptions.defaults().queue("idle");

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
	}

	@Test
	void idlePoolSendsAtMostThreeCommandsPerSecond(RedisServer redis) throws IOException {
		WorkerPool pool = this.manager.startWorkers(WorkerPoolOptions.builder().queue("idle").build());
		List<String> sent = SentCommands.during(redis, Duration.ofSeconds(3));
		assertThat(pool.isRunning()).isTrue();
		assertThat(sent.size() / 3.0).as("commands per second; sent: %s", sent).isLessThanOrEqualTo(3.0);
	}

	@Test
	void taskEnqueuedOnAnIdleQueueStartsWithinFiftyMilliseconds() throws InterruptedException {
		AtomicLong startedNanos = new AtomicLong();
		CountDownLatch started = new CountDownLatch(1);
		this.manager.register("warm-up", (task) -> null);
		this.manager.register("ping", (task) -> {
			startedNanos.set(System.nanoTime());
			started.countDown();
			return null;
		});
		WorkerPool pool = this.manager.startWorkers(WorkerPoolOptions.builder().queue("idle").build());
		TaskHandle<Object> warmUp = this.manager.enqueue("warm-up", null, IDLE);
		await().atMost(Duration.ofSeconds(5)).until(() -> warmUp.state().orElseThrow() == TaskState.COMPLETED);
		await().during(Duration.ofMillis(1_200)).atMost(Duration.ofSeconds(2)).until(() -> pool.runningTasks() == 0);
		long enqueuedNanos = System.nanoTime();
		this.manager.enqueue("ping", null, IDLE);
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(Duration.ofNanos(startedNanos.get() - enqueuedNanos)).isLessThan(Duration.ofMillis(50));
	}

}
