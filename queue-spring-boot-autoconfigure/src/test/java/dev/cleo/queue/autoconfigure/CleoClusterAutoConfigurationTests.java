/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.test.RedisCluster;
import io.lettuce.core.cluster.RedisClusterClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.data.redis.cluster.nodes} pointing at a real three-master Redis
 * Cluster, the {@link QueueManager} is built on the {@link RedisClusterClient} Spring
 * Boot built, and calls on a {@code @QueueClass} bean run on a worker.
 */
class CleoClusterAutoConfigurationTests {

	private static RedisCluster cluster;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CleoAutoConfiguration.class))
		.withPropertyValues("cleo.worker.shutdown-timeout=1s")
		.withBean(MailTasks.Ran.class)
		.withBean(MailTasks.Mailer.class);

	@BeforeAll
	static void startCluster() {
		RedisCluster.assumeAvailable();
		cluster = RedisCluster.start();
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void queueManagerUsesTheClusterClientSpringBootBuilt() {
		clusterRunner().run((context) -> {
			Object nativeClient = context.getBean(LettuceConnectionFactory.class).getRequiredNativeClient();
			assertThat(nativeClient).isInstanceOf(RedisClusterClient.class);
			// White box: the manager's connector holds Spring Boot's client, not one of
			// its
			// own.
			assertThat(context.getBean(QueueManager.class)).extracting("engine.connector.client")
				.isSameAs(nativeClient);
			assertThat(((RedisClusterClient) nativeClient).getPartitions().getPartitions()).hasSize(3);
		});
	}

	@Test
	void callOnQueueClassBeanRunsOnAWorker() {
		clusterRunner().run((context) -> {
			MailTasks.assertCallsRunOnAWorker(context);
		});
	}

	private ApplicationContextRunner clusterRunner() {
		return this.runner
			.withPropertyValues("spring.data.redis.cluster.nodes=" + String.join(",", cluster.nodeAddresses()));
	}

}
