/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueManager;
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

	private void enqueue(String queue, int tasks) {
		for (int i = 0; i < tasks; i++) {
			this.manager.enqueue("echo", i, TaskOptions.defaults().queue(queue));
		}
	}

	/** Sends one task of the queue to the dead-letter queue: its handler is unknown. */
	private void killOneTask(String queue) {
		this.manager.enqueue("nobody-handles-this", "x", TaskOptions.defaults().queue(queue));
		WorkerPool pool = this.manager.startWorkers(WorkerPoolOptions.builder().name(queue).queue(queue).build());
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
		QueueReadings readings = new QueueReadings(new ApplicationQueues(List.of("emails")), manager::workerPools,
				manager::countsAsync, Duration.ofSeconds(2));
		this.readings.add(readings);
		return new CleoHealthIndicator(readings, this.properties, List.of());
	}

	private static CleoHealthProperties.Thresholds thresholds(Long deadLetters, Long backlog) {
		CleoHealthProperties.Thresholds thresholds = new CleoHealthProperties.Thresholds();
		thresholds.setDeadLetterThreshold(deadLetters);
		thresholds.setBacklogThreshold(backlog);
		return thresholds;
	}

}
