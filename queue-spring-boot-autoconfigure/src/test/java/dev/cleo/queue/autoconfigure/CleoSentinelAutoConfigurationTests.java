/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.test.RedisSentinel;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.data.redis.sentinel.*} naming a real Sentinel and the master it
 * monitors, the {@link QueueManager} is built on the {@link RedisClient} Spring Boot
 * built, which asks the Sentinel for the master, and calls on a {@code @QueueClass} bean
 * run on a worker.
 */
class CleoSentinelAutoConfigurationTests {

	@AutoClose
	private static RedisSentinel sentinel;

	@BeforeAll
	static void startSentinel() {
		RedisSentinel.assumeAvailable();
		sentinel = RedisSentinel.start();
	}

	@Test
	void queueManagerUsesASentinelClientConfiguredAsSpringBoots() {
		sentinelRunner().run((context) -> {
			LettuceConnectionFactory connectionFactory = context.getBean(LettuceConnectionFactory.class);
			assertThat(connectionFactory.getSentinelConfiguration()).isNotNull();
			Object nativeClient = MailTasks.assertManagerUsesAClientConfiguredAsSpringBoots(context);
			assertThat(nativeClient).isInstanceOf(RedisClient.class);
		});
	}

	@Test
	void callOnQueueClassBeanRunsOnAWorkerAgainstTheMaster() {
		sentinelRunner().withPropertyValues("cleo.key-prefix=sentinel").run((context) -> {
			MailTasks.assertCallsRunOnAWorker(context);
			// The tasks went to the master the Sentinel names, not to some Redis on the
			// default localhost:6379.
			assertThat(MailTasks.keys(sentinel.newClient(), "sentinel:*")).isNotEmpty();
		});
	}

	private ApplicationContextRunner sentinelRunner() {
		return MailTasks.runner()
			.withPropertyValues("spring.data.redis.sentinel.master=" + sentinel.masterName(),
					"spring.data.redis.sentinel.nodes=" + sentinel.sentinelAddress());
	}

}
