/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A paused queue keeps taking tasks but no pool starts them, and an idle pool waiting on
 * it stays quiet; resuming starts the waiting tasks at once.
 */
@QueueManagerTest
class PauseResumeTests {

	private static final TaskOptions JOBS = TaskOptions.defaults().queue("jobs");

	private final List<String> ran = new CopyOnWriteArrayList<>();

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManager manager) {
		this.manager = manager;
		this.manager.register("job", (task) -> this.ran.add(task.payload(String.class)));
	}

	@Test
	void pausedFlagRoundTrips() {
		assertThat(this.manager.queueInfo("jobs").paused()).isFalse();
		this.manager.pause("jobs");
		assertThat(this.manager.queueInfo("jobs").paused()).isTrue();
		assertThat(this.manager.queueInfo("other").paused()).isFalse();
		this.manager.resume("jobs");
		assertThat(this.manager.queueInfo("jobs").paused()).isFalse();
	}

	@Test
	void runningPoolDoesNotStartTasksOfAPausedQueueUntilItIsResumed() {
		startWorkers();
		this.manager.pause("jobs");
		TaskHandle<Object> handle = this.manager.enqueue("job", "held", JOBS);
		await().during(Duration.ofMillis(700))
			.atMost(Duration.ofSeconds(2))
			.until(() -> handle.state().orElseThrow() == TaskState.WAITING);
		assertThat(this.ran).isEmpty();
		long resumedNanos = System.nanoTime();
		this.manager.resume("jobs");
		await().atMost(Duration.ofSeconds(5)).until(() -> handle.state().orElseThrow() == TaskState.COMPLETED);
		assertThat(Duration.ofNanos(System.nanoTime() - resumedNanos)).isLessThan(Duration.ofMillis(500));
		assertThat(this.ran).containsExactly("held");
	}

	@Test
	void idlePoolOnAPausedQueueWithWaitingTasksClaimsAtMostOncePerIdleWait(RedisServer redis) {
		this.manager.pause("jobs");
		this.manager.enqueue("job", "held", JOBS);
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("jobs").idleWait(Duration.ofSeconds(1)).build());
		await().atMost(Duration.ofSeconds(2)).until(() -> CommandStats.calls(redis, "evalsha") >= 2);
		long before = CommandStats.calls(redis, "evalsha");
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
		assertThat(CommandStats.calls(redis, "evalsha") - before).isLessThanOrEqualTo(4);
		assertThat(this.ran).isEmpty();
	}

	private void startWorkers() {
		this.manager.startWorkers(WorkerPoolOptions.builder().queue("jobs").concurrency(2).build());
	}

}
