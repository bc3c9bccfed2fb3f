/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueUnavailableException;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.QueueReadings;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cleo} health contributor: UP, DOWN when Redis does not answer, the
 * configured status when a threshold is exceeded; all against a real Redis.
 */
@RedisTest
class CleoHealthIndicatorTests {

	private final CleoHealthProperties properties = new CleoHealthProperties();

	private final List<QueueReadings> readings = new ArrayList<>();

	private QueueManager manager;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.manager = QueueManager.builder().redisUri(redis.uri()).commandTimeout(Duration.ofMillis(500)).build();
	}

	@AfterEach
	void tearDown() {
		this.readings.forEach(QueueReadings::close);
		this.manager.close();
	}

	@Test
	void upWithTheCountsOfTheApplicationsQueues() {
		enqueue("emails", 3);
		Health health = indicator(this.manager).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("queues", Map.of("emails", new QueueCounts(3, 0, 0, 0, 0)));
	}

	@Test
	void aQueueWithTasksAndNoPoolAnywhereIsListedWhileTheStatusStaysUp() {
		enqueue("emails", 2);
		Health health = servedAware(this.manager).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("unservedQueues", List.of("emails"));
	}

	@Test
	void aQueueServedByAPoolOfAnotherInstanceIsNotListed(RedisServer redis) {
		this.manager.pause("emails");
		enqueue("emails", 2);
		try (QueueManager elsewhere = QueueManager.builder().redisUri(redis.uri()).workerId("elsewhere").build()) {
			elsewhere.startWorkers(WorkerPoolOptions.builder().queue("emails").build());
			Health health = servedAware(this.manager).health();
			assertThat(health.getDetails()).containsEntry("queues", Map.of("emails", new QueueCounts(2, 0, 0, 0, 0)))
				.doesNotContainKey("unservedQueues");
		}
		assertThat(servedAware(this.manager).health().getDetails()).containsEntry("unservedQueues", List.of("emails"));
	}

	@Test
	void outOfServiceWhenAQueueOverrideIsExceeded() {
		this.properties.setBacklogThreshold(100L);
		this.properties.getQueues().put("emails", thresholds(null, 2L));
		enqueue("emails", 3);
		enqueue("reports", 50);
		Health health = indicator(this.manager).health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails().get("breaches"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("Queue 'emails' has 3 waiting tasks, above the threshold of 2");
	}

	@Test
	void configuredStatusWhenDeadLettersExceedTheThreshold() {
		this.properties.setDeadLetterThreshold(0L);
		this.properties.setStatusOnBreach("DOWN");
		killOneTask("emails");
		assertThat(indicator(this.manager).health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void queuesNamedInPropertiesAreCheckedToo(RedisServer redis) {
		this.properties.getQueues().put("billing", thresholds(0L, null));
		killOneTask("billing");
		try (RedisClient client = RedisClient.create(redis.uri());
				StatefulRedisConnection<String, String> connection = client.connect()) {
			// As for a queue used only before Cleo kept its list of queues.
			connection.sync().srem("cleo:queues", "billing");
		}
		assertThat(this.manager.queues()).doesNotContain("billing");
		assertThat(indicator(this.manager).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void downWhenRedisIsSlowerThanTheTimeout(RedisServer redis) {
		this.properties.setTimeout(Duration.ofMillis(100));
		try (RedisClient client = RedisClient.create(redis.uri());
				StatefulRedisConnection<String, String> connection = client.connect()) {
			// A real Redis that does not answer for a while: every client but this one
			// waits.
			connection.sync().clientPause(1_000);
			Health health = indicator(this.manager).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("error")).asString().contains("did not answer within");
		}
	}

	@Test
	void upAgainstRealRedis() {
		this.manager.enqueue("echo", "x", TaskOptions.defaults().queue("emails"));
		Health health = indicator(this.manager).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("queues")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKey("emails");
	}

	@Test
	void outOfServiceWhenTheBacklogOfARealQueueIsExceeded() {
		this.properties.setBacklogThreshold(1L);
		this.manager.enqueue("echo", "x", TaskOptions.defaults().queue("emails"));
		this.manager.enqueue("echo", "y", TaskOptions.defaults().queue("emails"));
		assertThat(indicator(this.manager).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void downWhileRedisIsStoppedAndUpAfterItRestarts(RedisServer redis) {
		org.junit.jupiter.api.Assumptions.assumeTrue(redis.supportsRestart());
		CleoHealthIndicator indicator = indicator(this.manager);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		redis.stop();
		try {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		}
		finally {
			redis.restart();
		}
		org.awaitility.Awaitility.await().until(() -> indicator.health().getStatus().equals(Status.UP));
	}

	@Test
	void checksDuringAnOutageShareOneReadAndStartNoThreads(RedisServer redis) throws Exception {
		this.properties.setTimeout(Duration.ofMillis(300));
		AtomicInteger reads = new AtomicInteger();
		QueueReadings readings = readings((queues) -> {
			reads.incrementAndGet();
			return this.manager.countsAsync(queues);
		});
		CleoHealthIndicator indicator = new CleoHealthIndicator(readings, this.properties, List.of());
		try (RedisClient client = RedisClient.create(redis.uri());
				StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().clientPause(3_000);
			List<Callable<Long>> checks = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				checks.add(() -> {
					long start = System.nanoTime();
					assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
					return Duration.ofNanos(System.nanoTime() - start).toMillis();
				});
			}
			long threadsBefore = threadsOtherThanCallers();
			ExecutorService callers = Executors.newFixedThreadPool(10, (task) -> new Thread(task, "caller"));
			try {
				for (Future<Long> took : callers.invokeAll(checks)) {
					assertThat(took.get()).isLessThan(300 + 200);
				}
			}
			finally {
				callers.shutdownNow();
			}
			// The readings' deadline (2 s) outlasts every check: all joined one read,
			// started on the readings' one thread.
			assertThat(reads).hasValue(1);
			assertThat(threadsOtherThanCallers()).isLessThanOrEqualTo(threadsBefore + 1);
		}
	}

	private static long threadsOtherThanCallers() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !thread.getName().equals("caller"))
			.count();
	}

	@Test
	void aFailedReadShowsAFixedTextWithoutClassNamesOrAddresses() {
		QueueReadings readings = readings((queues) -> CompletableFuture.failedFuture(new QueueUnavailableException(
				"Could not count: io.lettuce.core.RedisConnectionException: Unable to connect to 10.1.2.3:6379",
				new IllegalStateException("connection refused"))));
		Health health = new CleoHealthIndicator(readings, this.properties, List.of()).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnlyKeys("error")
			.containsEntry("error", "Could not read the queues from Redis");
	}

	@Test
	void aReadPastItsDeadlineSaysHowLongRedisHadToAnswer() {
		this.properties.setTimeout(Duration.ofSeconds(5));
		QueueReadings readings = new QueueReadings(new ApplicationQueues(List.of("emails")), List::of,
				(queues) -> new CompletableFuture<>(), Duration.ofMillis(100));
		this.readings.add(readings);
		Health health = new CleoHealthIndicator(readings, this.properties, List.of()).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "Redis did not answer within 100ms");
	}

	private void enqueue(String queue, int tasks) {
		for (int i = 0; i < tasks; i++) {
			this.manager.enqueue("echo", i, TaskOptions.defaults().queue(queue));
		}
	}

	/**
	 * Sends one task of the queue to the dead-letter queue: its handler is unknown, and
	 * the pool gives no grace for another worker to have one.
	 */
	private void killOneTask(String queue) {
		this.manager.enqueue("nobody-handles-this", "x", TaskOptions.defaults().queue(queue));
		WorkerPool pool = this.manager
			.startWorkers(WorkerPoolOptions.builder().name(queue).queue(queue).unknownTaskGrace(Duration.ZERO).build());
		try {
			org.awaitility.Awaitility.await().until(() -> this.manager.counts(queue).dead() == 1);
		}
		finally {
			pool.stop();
		}
	}

	/**
	 * An indicator for an application that knows the queue {@code emails}: the check
	 * reads the application's queues and those with thresholds, not every queue in Redis.
	 */
	private CleoHealthIndicator indicator(QueueManager manager) {
		return new CleoHealthIndicator(readings(manager::countsAsync), this.properties, List.of());
	}

	private CleoHealthIndicator servedAware(QueueManager manager) {
		return new CleoHealthIndicator(readings(manager::countsAsync), this.properties,
				() -> manager.workerPools().iterator(), manager::servedAsync);
	}

	private QueueReadings readings(Function<Collection<String>, CompletableFuture<Map<String, QueueCounts>>> reader) {
		QueueReadings readings = new QueueReadings(new ApplicationQueues(List.of("emails")), this.manager::workerPools,
				reader, Duration.ofSeconds(2));
		this.readings.add(readings);
		return readings;
	}

	private static CleoHealthProperties.Thresholds thresholds(Long deadLetters, Long backlog) {
		CleoHealthProperties.Thresholds thresholds = new CleoHealthProperties.Thresholds();
		thresholds.setDeadLetterThreshold(deadLetters);
		thresholds.setBacklogThreshold(backlog);
		return thresholds;
	}

}
