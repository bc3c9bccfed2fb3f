/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.spring.test.CleoTest;
import dev.cleo.queue.spring.test.CleoTestQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A user's {@code @SpringBootTest} with {@link CleoTest} and nothing else: no Redis named
 * anywhere, yet the context starts, tasks run on the workers, and the test can wait until
 * they are done.
 */
@SpringBootTest
@CleoTest
class CleoTestApplicationTests {

	@Autowired
	private Environment environment;

	@Autowired
	private GreetingTasks tasks;

	@Autowired
	private TaskProbe probe;

	@Autowired
	private CleoTestQueues queues;

	@Autowired
	private QueueManager manager;

	@BeforeEach
	void forgetEarlierRuns() {
		this.probe.clear();
	}

	@AfterEach
	void releaseHeldTask() {
		this.probe.release();
	}

	@Test
	void contextLoadsOnTheTestSupportsRedisWithAPrivateKeyPrefix() {
		assertThat(this.environment.getProperty("spring.data.redis.url")).startsWith("redis://");
		assertThat(this.environment.getProperty("cleo.key-prefix")).matches("test-[0-9a-f]{10}");
	}

	@Test
	void tasksRunOnWorkersAndAwaitIdleReturnsOnceTheyAreDone() {
		List<CompletableFuture<String>> results = IntStream.range(0, 5)
			.mapToObj((i) -> this.tasks.greet(new Greeting("user" + i, List.of())))
			.toList();
		this.queues.awaitIdle();
		// Redis is idle; a caller's future completes when the completion notice reaches
		// it.
		assertThat(results).allSatisfy((result) -> assertThat(result).succeedsWithin(Duration.ofSeconds(5)));
		assertThat(this.manager.counts("default").finished()).isGreaterThanOrEqualTo(5);
		assertThat(this.probe.threads()).isNotEmpty().doesNotContain(Thread.currentThread());
	}

	@Test
	void awaitIdleTimesOutNamingTheQueueWhileATaskRuns() throws InterruptedException {
		this.tasks.hold();
		await().until(() -> this.manager.counts("default").active() == 1);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.queues.awaitIdle(Duration.ofMillis(300)))
			.withMessageStartingWith("Cleo queues not idle after PT0.3S: default: 1 running");
		this.probe.release();
		this.queues.awaitIdle();
		assertThat(this.manager.counts("default").active()).isZero();
	}

	@Test
	void awaitIdleCountsDelayedTasksDueWithinTheWaitOnly() {
		// A queue no pool serves, so that the tasks stay where they are put.
		try {
			this.manager.enqueue("greet-later", "{}", TaskOptions.defaults().queue("later").delay(Duration.ofHours(1)));
			this.queues.awaitIdle(Duration.ofMillis(200));
			this.manager.enqueue("greet-soon", "{}",
					TaskOptions.defaults().queue("later").delay(Duration.ofMillis(200)));
			// Due within the wait: delayed at first, maybe waiting by the end.
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> this.queues.awaitIdle(Duration.ofMillis(400)))
				.withMessageContaining("later: 1 ");
		}
		finally {
			this.manager.removeQueue("later", true);
		}
	}

}
