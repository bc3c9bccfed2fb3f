/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.test.RedisCluster;
import io.lettuce.core.cluster.RedisClusterClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.data.redis.cluster.nodes} pointing at a real three-master Redis
 * Cluster, the {@link QueueManager} is built on the {@link RedisClusterClient} Spring
 * Boot built, and calls on a {@code @QueueClass} bean run on a worker.
 */
class CleoClusterAutoConfigurationTests {

	@AutoClose
	private static RedisCluster cluster;

	@BeforeAll
	static void startCluster() {
		RedisCluster.assumeAvailable();
		cluster = RedisCluster.start();
	}

	@Test
	void queueManagerUsesAClusterClientConfiguredAsSpringBoots() {
		clusterRunner().run((context) -> {
			Object nativeClient = MailTasks.assertManagerUsesAClientConfiguredAsSpringBoots(context);
			assertThat(nativeClient).isInstanceOf(RedisClusterClient.class);
			assertThat(((RedisClusterClient) nativeClient).getPartitions().getPartitions()).hasSize(3);
		});
	}

	@Test
	void callOnQueueClassBeanRunsOnAWorker() {
		clusterRunner().run(MailTasks::assertCallsRunOnAWorker);
	}

	private ApplicationContextRunner clusterRunner() {
		return MailTasks.runner()
			.withPropertyValues("spring.data.redis.cluster.nodes=" + String.join(",", cluster.nodeAddresses()));
	}

}
