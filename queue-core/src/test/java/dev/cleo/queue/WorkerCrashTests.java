/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.api.sync.RedisCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once delivery across a real crash: a worker in another JVM is killed with
 * SIGKILL while it runs tasks, and another worker runs them again once their leases
 * expire.
 */
@QueueManagerTest
class WorkerCrashTests {

	private static final String QUEUE = "crash";

	private static final String TASK = "crash-me";

	private static final String STARTED_KEY = "test:crash:started";

	private QueueManager manager;

	private RedisCommands<String, String> redis;

	private Process child;

	private Path childOutput;

	@BeforeEach
	void setUp(QueueManagers managers) throws IOException {
		this.manager = managers.build((builder) -> builder.workerId("survivor"));
		this.redis = managers.redisCommands();
		this.childOutput = Files.createTempFile("crashing-worker", ".log");
	}

	@AfterEach
	void tearDown() throws Exception {
		try {
			if (this.child != null && this.child.isAlive()) {
				this.child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		finally {
			System.out.println("--- output of the crashing worker ---");
			System.out.println(Files.readString(this.childOutput));
			Files.deleteIfExists(this.childOutput);
		}
	}

	@Test
	void tasksOfAWorkerKilledMidTaskRunAgainOnAnotherWorkerAfterTheirLeasesExpire(RedisServer redis) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(this.manager
				.enqueue(TASK, Map.of("n", i),
						TaskOptions.defaults().queue(QUEUE).maxAttempts(3).backoff(Backoff.fixed(Duration.ZERO)))
				.id());
		}
		this.child = startCrashingWorker(redis, 3);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.redis.llen(STARTED_KEY) == 3);
		List<String> startedInChild = this.redis.lrange(STARTED_KEY, 0, -1);
		assertThat(startedInChild).map((entry) -> entry.split(":")[0]).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(startedInChild).allSatisfy((entry) -> assertThat(entry).contains(":1:crashing-worker:"));
		for (String id : ids) {
			TaskInfo task = this.manager.task(QUEUE, id).orElseThrow();
			assertThat(task.state()).isEqualTo(TaskState.ACTIVE);
			assertThat(task.attempts()).isEqualTo(1);
			assertThat(task.worker()).startsWith("crashing-worker:" + this.child.pid());
		}

		this.child.destroyForcibly();
		assertThat(this.child.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.child.isAlive()).isFalse();
		assertThat(this.child.exitValue()).isEqualTo(137);

		Map<String, Integer> survivorAttempts = new ConcurrentHashMap<>();
		this.manager.register(TASK, (task) -> {
			survivorAttempts.merge(task.id(), task.attempt(), (a, b) -> -1);
			return "survived";
		});
		this.manager.startWorkers(WorkerPoolOptions.builder()
			.name("survivor")
			.queue(QUEUE)
			.concurrency(3)
			.lease(Duration.ofSeconds(1))
			.reaperInterval(Duration.ofMillis(200))
			.build());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> ids.stream()
				.allMatch((id) -> this.manager.task(QUEUE, id).orElseThrow().state() == TaskState.COMPLETED));
		assertThat(survivorAttempts).containsOnlyKeys(ids)
			.allSatisfy((id, attempt) -> assertThat(attempt).isEqualTo(2));
		for (String id : ids) {
			TaskInfo task = this.manager.task(QUEUE, id).orElseThrow();
			assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
			assertThat(task.attempts()).isEqualTo(2);
			assertThat(task.worker()).startsWith("survivor/");
			assertThat(task.resultJson()).isEqualTo("\"survived\"");
			assertThat(task.lastError()).startsWith("Lease expired: worker crashing-worker:" + this.child.pid());
		}
		QueueCounts counts = this.manager.counts(QUEUE);
		assertThat(counts).isEqualTo(new QueueCounts(0, 0, 0, 3, 0));
		assertThat(this.redis.llen(STARTED_KEY)).isEqualTo(3);
	}

	private Process startCrashingWorker(RedisServer redis, int concurrency) throws IOException {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		// a short-lived JVM: quick start-up matters more than peak speed
		List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), CrashingWorkerMain.class.getName(), redis.uri(), QUEUE, TASK,
				STARTED_KEY, Integer.toString(concurrency));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(this.childOutput.toFile()).start();
	}

}
