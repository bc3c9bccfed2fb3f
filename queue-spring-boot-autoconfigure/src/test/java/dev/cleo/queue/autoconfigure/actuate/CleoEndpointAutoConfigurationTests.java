/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.CleoAutoConfiguration;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.autoconfigure.RedisReads;
import dev.cleo.queue.autoconfigure.WriteAccess;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * When the {@code queues} endpoint is configured, when it backs off, and which switch
 * opens its writes: {@code cleo.write-operations.enabled}, the one of every write.
 */
@RedisTest
class CleoEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CleoEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=queues");

	@AfterEach
	void clearCaller() {
		SecurityContextHolder.clearContext();
	}

	/** The beans Cleo's core auto-configuration gives the endpoint, writes off. */
	private ApplicationContextRunner withManager(RedisServer redis) {
		return this.runner.withBean(QueueManager.class, CleoRunners.manager(redis))
			.withBean(ApplicationQueues.class, () -> new ApplicationQueues(List.of("orders")))
			.withBean(RedisReads.class, () -> new RedisReads(Duration.ofSeconds(2)))
			.withBean(WriteAccess.class, () -> WriteAccess.withoutSecurity(false));
	}

	/** With Cleo's core auto-configuration, and a caller holding the admin authority. */
	private ApplicationContextRunner withCleoAndAnAdmin(RedisServer redis) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("admin", "secret", WriteAccess.AUTHORITY));
		return this.runner
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CleoAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=" + redis.uri(), "cleo.worker.enabled=false",
					"cleo.queues.orders.concurrency=1");
	}

	/** Ask the endpoint to pause {@code orders}, as an HTTP POST would. */
	private static int pauseOrders(AssertableApplicationContext context) {
		return context.getBean(QueuesEndpoint.class).act("orders", "pause", null, null, null).getStatus();
	}

	@Test
	void endpointIsConfigured(RedisServer redis) {
		withManager(redis).run((context) -> {
			assertThat(context).hasSingleBean(QueuesEndpoint.class);
			assertThat(pauseOrders(context)).isEqualTo(403);
		});
	}

	@Test
	void theOneWriteSwitchOpensTheWritesToAnAdmin(RedisServer redis) {
		withCleoAndAnAdmin(redis).withPropertyValues("cleo.write-operations.enabled=true").run((context) -> {
			assertThat(pauseOrders(context)).isEqualTo(200);
			assertThat(context.getBean(QueueManager.class).queueInfo("orders").paused()).isTrue();
		});
	}

	@Test
	void theFormerActuatorWriteSwitchOpensNothing(RedisServer redis) {
		withCleoAndAnAdmin(redis).withPropertyValues("cleo.actuator.write-operations.enabled=true").run((context) -> {
			assertThat(pauseOrders(context)).isEqualTo(403);
			assertThat(context.getBean(QueueManager.class).queueInfo("orders").paused()).isFalse();
		});
	}

	@Test
	void endpointBacksOffWhenTheUserDefinesOne(RedisServer redis) {
		QueuesEndpoint own = new QueuesEndpoint(mock(QueueManager.class), new ApplicationQueues(List.of()),
				mock(RedisReads.class), WriteAccess.withoutSecurity(false));
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
