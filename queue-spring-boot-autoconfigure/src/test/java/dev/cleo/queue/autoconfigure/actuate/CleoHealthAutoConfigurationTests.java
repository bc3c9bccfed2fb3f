/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.autoconfigure.QueueReadings;
import dev.cleo.queue.worker.WorkerPoolOptions;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code cleo} health contributor is configured, and when it backs off.
 */
@RedisTest
class CleoHealthAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CleoHealthAutoConfiguration.class));

	private ApplicationContextRunner withManager(RedisServer redis) {
		return this.runner.withBean(QueueManager.class, CleoRunners.manager(redis))
			.withUserConfiguration(QueueReadingsConfiguration.class);
	}

	@Test
	void contributorIsNamedCleoWithDefaultThresholds(RedisServer redis) {
		withManager(redis).run((context) -> {
			assertThat(context).hasSingleBean(CleoHealthIndicator.class).hasBean("cleoHealthIndicator");
			CleoHealthProperties properties = context.getBean(CleoHealthProperties.class);
			assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.getDeadLetterThreshold()).isNull();
			assertThat(properties.getStatusOnBreach()).isEqualTo("OUT_OF_SERVICE");
		});
	}

	@Test
	void detailsListThePoolsTheManagerStarted(RedisServer redis) {
		withManager(redis).run((context) -> {
			context.getBean(QueueManager.class)
				.startWorkers(WorkerPoolOptions.builder().name("mailers").queue("emails").build());
			Health health = context.getBean(CleoHealthIndicator.class).health();
			assertThat(health.getDetails().get("workerPools")).asString().contains("mailers");
		});
	}

	@Test
	void thresholdsBindPerQueue(RedisServer redis) {
		withManager(redis)
			.withPropertyValues("cleo.health.backlog-threshold=100", "cleo.health.queues.emails.backlog-threshold=5",
					"cleo.health.status-on-breach=DOWN", "cleo.health.timeout=500ms")
			.run((context) -> {
				CleoHealthProperties properties = context.getBean(CleoHealthProperties.class);
				assertThat(properties.getBacklogThreshold()).isEqualTo(100);
				assertThat(properties.getQueues().get("emails").getBacklogThreshold()).isEqualTo(5);
				assertThat(properties.getStatusOnBreach()).isEqualTo("DOWN");
				assertThat(properties.getTimeout()).isEqualTo(Duration.ofMillis(500));
			});
	}

	@Test
	void contributorReadsTheApplicationsQueuesThroughTheSharedReadings(RedisServer redis) {
		CleoRunners
			.cleo(redis, "cleo.worker.enabled=false", "cleo.queues.emails.retries=1",
					"cleo.health.queues.billing.backlog-threshold=10")
			.withConfiguration(AutoConfigurations.of(CleoHealthAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(QueueReadings.class);
				context.getBean(QueueManager.class).enqueue("echo", "x", TaskOptions.defaults().queue("stranger"));
				Health health = context.getBean(CleoHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails().get("queues")).asInstanceOf(InstanceOfAssertFactories.MAP)
					.containsOnlyKeys("billing", "emails");
			});
	}

	@Test
	void aProducerOnlyApplicationListsItsQueueThatNoPoolServes(RedisServer redis) {
		CleoRunners.cleo(redis, "cleo.worker.enabled=false", "cleo.queues.emails.retries=1")
			.withConfiguration(AutoConfigurations.of(CleoHealthAutoConfiguration.class))
			.run((context) -> {
				context.getBean(QueueManager.class).enqueue("echo", "x", TaskOptions.defaults().queue("emails"));
				Health health = context.getBean(CleoHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("unservedQueues", java.util.List.of("emails"));
			});
	}

	@Test
	void aQueueNameRedisCannotCarryFailsTheStartNamingTheProperty(RedisServer redis) {
		withManager(redis).withPropertyValues("cleo.health.queues.[bad*name].backlog-threshold=1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cleo.health.queues.bad*name"));
	}

	@Test
	void contributorBacksOffWhenTheUserDefinesOne(RedisServer redis) {
		HealthIndicator own = () -> Health.up().build();
		withManager(redis).withBean("cleoHealthIndicator", HealthIndicator.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(CleoHealthIndicator.class)
				.getBean("cleoHealthIndicator")
				.isSameAs(own));
	}

	@Test
	void contributorIsAbsentWhenDisabled(RedisServer redis) {
		withManager(redis).withPropertyValues("management.health.cleo.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CleoHealthIndicator.class));
	}

	@Test
	void contributorIsAbsentWithoutTheHealthModule(RedisServer redis) {
		withManager(redis).withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CleoHealthIndicator.class));
	}

	@Test
	void contributorIsAbsentWithoutAQueueManager() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(CleoHealthIndicator.class));
	}

}
