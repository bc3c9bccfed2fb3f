/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cleo.queue.redis.RedisEndpoint;
import dev.cleo.queue.schedule.Schedule;
import dev.cleo.queue.schedule.ScheduleInfo;
import dev.cleo.queue.test.RedisClusterExtension;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Queue-wide operations on a real three-master Redis Cluster, on queues whose hash tags
 * land on different masters (see {@link ClusterTests}).
 */
@ExtendWith(RedisClusterExtension.class)
class ClusterAdminTests {

	/** Hash to slots 3728, 9450 and 12682: one per master of a fresh 3-master cluster. */
	private static final List<String> QUEUES = List.of("emails", "images", "billing");

	private static final AtomicInteger tests = new AtomicInteger();

	private static RedisClusterClient client;

	private QueueManager manager;

	@BeforeAll
	static void connect(RedisClusterClient shared) {
		client = shared;
	}

	private String prefix;

	@BeforeEach
	void buildManager() {
		this.prefix = "admin" + tests.incrementAndGet();
		this.manager = QueueManager.builder().redis(RedisEndpoint.cluster(client)).keyPrefix(this.prefix).build();
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

	@Test
	void removingAQueueOnOneMasterRemovesAllOfItsKeysAndNothingOfTheOthers() {
		for (String queue : QUEUES) {
			TaskOptions options = TaskOptions.defaults().queue(queue);
			this.manager.enqueue("job", 1, options.dedupeId("once"));
			this.manager.enqueue("job", 2, options.group("g"));
			this.manager.enqueue("job", 3, options.delay(Duration.ofHours(1)));
			this.manager.groups(queue).group("g").pause();
			this.manager.schedules()
				.register(Schedule.fixedRate("hourly", Duration.ofHours(1)).task("job", 4).options(options));
		}
		Map<String, Integer> before = keyCounts();
		assertThat(before.values()).allSatisfy((keys) -> assertThat(keys).isGreaterThan(8));

		assertThat(this.manager.removeQueue("images", true)).isEqualTo(3);

		assertThat(keyCounts()).containsEntry("images", 0)
			.containsEntry("emails", before.get("emails"))
			.containsEntry("billing", before.get("billing"));
		assertThat(this.manager.queues()).containsExactly("billing", "emails");
		assertThat(this.manager.schedules().list()).extracting(ScheduleInfo::queue)
			.containsExactlyInAnyOrder("billing", "emails");
		assertThatExceptionOfType(QueueNotEmptyException.class)
			.isThrownBy(() -> this.manager.removeQueue("emails", false));
	}

	private Map<String, Integer> keyCounts() {
		try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
			Map<String, Integer> counts = new LinkedHashMap<>();
			for (String queue : QUEUES) {
				counts.put(queue, connection.sync().keys(this.prefix + ":{" + queue + "}:*").size());
			}
			return counts;
		}
	}

}
