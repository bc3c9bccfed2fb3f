/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.function.Supplier;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.test.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starting points the tests build their {@link ApplicationContextRunner}s on: the
 * application as Spring Boot configures it (its Redis auto-configuration, then Cleo's),
 * optionally pointed at a real Redis, and a bare {@link QueueManager} for the tests of
 * one auto-configuration that needs only the manager.
 */
public final class CleoRunners {

	private CleoRunners() {
	}

	/**
	 * Spring Boot's Redis auto-configuration and Cleo's, with no Redis named.
	 * @param more further auto-configurations, ordered with these two
	 * @return the runner
	 */
	public static ApplicationContextRunner cleo(Class<?>... more) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CleoAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(more));
	}

	/**
	 * Spring Boot's Redis auto-configuration and Cleo's on a real Redis.
	 * @param redis the Redis, named by {@code spring.data.redis.url}
	 * @param properties further properties
	 * @return the runner
	 */
	public static ApplicationContextRunner cleo(RedisServer redis, String... properties) {
		return cleo().withPropertyValues("spring.data.redis.url=" + redis.uri()).withPropertyValues(properties);
	}

	/**
	 * A {@link QueueManager} on a real Redis, as a bean supplier.
	 * @param redis the Redis
	 * @return the supplier of a new manager
	 */
	public static Supplier<QueueManager> manager(RedisServer redis) {
		return () -> QueueManager.builder().redisUri(redis.uri()).build();
	}

}
