/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.test.RedisSentinel;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
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

	private static RedisSentinel sentinel;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CleoAutoConfiguration.class))
		.withPropertyValues("cleo.worker.shutdown-timeout=1s")
		.withBean(MailTasks.Ran.class)
		.withBean(MailTasks.Mailer.class);

	@BeforeAll
	static void startSentinel() {
		RedisSentinel.assumeAvailable();
		sentinel = RedisSentinel.start();
	}

	@AfterAll
	static void stopSentinel() {
		if (sentinel != null) {
			sentinel.close();
		}
	}

	@Test
	void queueManagerUsesTheSentinelClientSpringBootBuilt() {
		sentinelRunner().run((context) -> {
			LettuceConnectionFactory connectionFactory = context.getBean(LettuceConnectionFactory.class);
			assertThat(connectionFactory.getSentinelConfiguration()).isNotNull();
			Object nativeClient = connectionFactory.getRequiredNativeClient();
			assertThat(nativeClient).isInstanceOf(RedisClient.class);
			// White box: the manager's connector holds Spring Boot's client, not one of
			// its own.
			assertThat(context.getBean(QueueManager.class)).extracting("engine.connector.client")
				.isSameAs(nativeClient);
		});
	}

	@Test
	void callOnQueueClassBeanRunsOnAWorkerAgainstTheMaster() {
		sentinelRunner().withPropertyValues("cleo.key-prefix=sentinel").run((context) -> {
			MailTasks.assertCallsRunOnAWorker(context);
			// The tasks went to the master the Sentinel names, not to some Redis on the
			// default localhost:6379.
			assertThat(keysOnMaster("sentinel:*")).isNotEmpty();
		});
	}

	private ApplicationContextRunner sentinelRunner() {
		return this.runner.withPropertyValues("spring.data.redis.sentinel.master=" + sentinel.masterName(),
				"spring.data.redis.sentinel.nodes=" + sentinel.sentinelAddress());
	}

	private static List<String> keysOnMaster(String pattern) {
		RedisClient client = sentinel.newClient();
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().keys(pattern);
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
