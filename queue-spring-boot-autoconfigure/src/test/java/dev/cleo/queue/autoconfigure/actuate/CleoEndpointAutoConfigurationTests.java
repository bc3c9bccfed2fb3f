/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * When the {@code queues} endpoint is configured, and when it backs off.
 */
@RedisTest
class CleoEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CleoEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=queues");

	private ApplicationContextRunner withManager(RedisServer redis) {
		return this.runner.withBean(QueueManager.class, () -> QueueManager.builder().redisUri(redis.uri()).build());
	}

	@Test
	void endpointIsConfiguredWithWriteOperationsOff(RedisServer redis) {
		withManager(redis).run((context) -> {
			assertThat(context).hasSingleBean(QueuesEndpoint.class);
			assertThat(context.getBean(CleoActuatorProperties.class).getWriteOperations().isEnabled()).isFalse();
		});
	}

	@Test
	void endpointBacksOffWhenTheUserDefinesOne(RedisServer redis) {
		QueuesEndpoint own = new QueuesEndpoint(mock(QueueManager.class), new CleoActuatorProperties());
		withManager(redis).withBean("myQueuesEndpoint", QueuesEndpoint.class, () -> own)
			.run((context) -> assertThat(context).getBean(QueuesEndpoint.class).isSameAs(own));
	}

	@Test
	void endpointIsAbsentWhenItsAccessIsNone(RedisServer redis) {
		withManager(redis).withPropertyValues("management.endpoint.queues.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(QueuesEndpoint.class));
	}

	@Test
	void endpointIsAbsentWhenNotExposed(RedisServer redis) {
		withManager(redis).withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(QueuesEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutActuator(RedisServer redis) {
		withManager(redis).withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(QueuesEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutAQueueManager() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(QueuesEndpoint.class));
	}

}
