/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.test.RedisCluster;
import io.lettuce.core.cluster.RedisClusterClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queue-wide operations on a real three-master Redis Cluster, on queues whose hash tags
 * land on different masters (see {@link ClusterTest}).
 */
class ClusterAdminTest {

	/** Hash to slots 3728, 9450 and 12682: one per master of a fresh 3-master cluster. */
	private static final List<String> QUEUES = List.of("emails", "images", "billing");

	private static final AtomicInteger tests = new AtomicInteger();

	private static RedisCluster cluster;

	private static RedisClusterClient client;

	private QueueManager manager;

	@BeforeAll
	static void startCluster() {
		RedisCluster.assumeAvailable();
		cluster = RedisCluster.start();
		client = cluster.newClient();
	}

	@AfterAll
	static void stopCluster() {
		if (client != null) {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@BeforeEach
	void buildManager() {
		this.manager = QueueManager.builder()
			.redisClusterClient(client)
			.keyPrefix("admin" + tests.incrementAndGet())
			.build();
	}

	@AfterEach
	void closeManager() {
		this.manager.close();
	}

	@Test
	void countsOfQueuesOnEveryMasterAreReadTogetherInTheOrderGiven() throws Exception {
		for (int i = 0; i < QUEUES.size(); i++) {
			for (int n = 0; n <= i; n++) {
				this.manager.enqueue("job", n, TaskOptions.defaults().queue(QUEUES.get(i)));
			}
		}
		this.manager.enqueue("job", 9, TaskOptions.defaults().queue("billing").delay(Duration.ofHours(1)));

		Map<String, QueueCounts> counts = this.manager.countsAsync(List.of("billing", "emails", "images"))
			.get(5, TimeUnit.SECONDS);

		assertThat(counts.keySet()).containsExactly("billing", "emails", "images");
		assertThat(counts).containsEntry("emails", new QueueCounts(1, 0, 0, 0, 0))
			.containsEntry("images", new QueueCounts(2, 0, 0, 0, 0))
			.containsEntry("billing", new QueueCounts(3, 1, 0, 0, 0));
	}

}
