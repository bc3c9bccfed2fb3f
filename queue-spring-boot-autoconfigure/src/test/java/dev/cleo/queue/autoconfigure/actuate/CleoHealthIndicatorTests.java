/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.QueueUnavailableException;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The {@code cleo} health contributor: UP, DOWN when Redis does not answer, the
 * configured status when a threshold is exceeded. The first tests stub the manager so
 * they can run before the core's queue listing exists; the last ones use a real Redis.
 */
@RedisTest
class CleoHealthIndicatorTests {

	private final CleoHealthProperties properties = new CleoHealthProperties();

	private final QueueManager stub = mock(QueueManager.class);

	private QueueManager manager;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.manager = QueueManager.builder().redisUri(redis.uri()).commandTimeout(Duration.ofMillis(500)).build();
	}

	@AfterEach
	void tearDown() {
		this.manager.close();
	}

	@Test
	void upWithTheCountsOfEveryQueue() {
		given(this.stub.queues()).willReturn(List.of("emails"));
		given(this.stub.counts("emails")).willReturn(new QueueCounts(3, 0, 1, 10, 0));
		Health health = indicator(this.stub).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("queues", Map.of("emails", new QueueCounts(3, 0, 1, 10, 0)));
	}

	@Test
	void outOfServiceWhenAQueueOverrideIsExceeded() {
		this.properties.setBacklogThreshold(100L);
		this.properties.getQueues().put("emails", thresholds(null, 2L));
		given(this.stub.queues()).willReturn(List.of("emails", "reports"));
		given(this.stub.counts("emails")).willReturn(new QueueCounts(3, 0, 0, 0, 0));
		given(this.stub.counts("reports")).willReturn(new QueueCounts(50, 0, 0, 0, 0));
		Health health = indicator(this.stub).health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails().get("breaches"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("Queue 'emails' has 3 waiting tasks, above the threshold of 2");
	}

	@Test
	void configuredStatusWhenDeadLettersExceedTheThreshold() {
		this.properties.setDeadLetterThreshold(0L);
		this.properties.setStatusOnBreach("DOWN");
		given(this.stub.queues()).willReturn(List.of("emails"));
		given(this.stub.counts("emails")).willReturn(new QueueCounts(0, 0, 0, 0, 1));
		assertThat(indicator(this.stub).health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void queuesNamedInPropertiesAreCheckedToo() {
		this.properties.getQueues().put("billing", thresholds(0L, null));
		given(this.stub.queues()).willReturn(List.of());
		given(this.stub.counts("billing")).willReturn(new QueueCounts(0, 0, 0, 0, 4));
		assertThat(indicator(this.stub).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void downWhenRedisFails() {
		given(this.stub.queues())
			.willThrow(new QueueUnavailableException("Redis did not answer", new java.io.IOException("refused")));
		Health health = indicator(this.stub).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error")).asString().contains("Redis did not answer");
	}

	@Test
	void downWhenRedisIsSlowerThanTheTimeout() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.properties.setTimeout(Duration.ofMillis(100));
		given(this.stub.queues()).willAnswer((invocation) -> {
			release.await();
			return List.of();
		});
		try {
			Health health = indicator(this.stub).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("error")).asString().contains("did not answer within");
		}
		finally {
			release.countDown();
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

	private CleoHealthIndicator indicator(QueueManager manager) {
		return new CleoHealthIndicator(manager, this.properties, List.of());
	}

	private static CleoHealthProperties.Thresholds thresholds(Long deadLetters, Long backlog) {
		CleoHealthProperties.Thresholds thresholds = new CleoHealthProperties.Thresholds();
		thresholds.setDeadLetterThreshold(deadLetters);
		thresholds.setBacklogThreshold(backlog);
		return thresholds;
	}

}
