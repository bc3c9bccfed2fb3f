/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.Map;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.group.GroupProcessingStrategy;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The yml group settings come back when Redis lost them, and a change made at run time is
 * left alone.
 */
@RedisTest
class GroupSettingsRestoreTests {

	private RedisServer redis;

	private QueueManager manager;

	private GroupSettingsWriter writer;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.redis = redis;
		this.manager = CleoRunners.manager(redis).get();
		QueueOverrides orders = new QueueOverrides();
		orders.getGroups().setConcurrency(3);
		orders.getGroups().setStrategy(GroupProcessingStrategy.FIFO);
		this.writer = new GroupSettingsWriter(this.manager, Map.of("orders", orders), Duration.ofMillis(100));
		this.writer.afterSingletonsInstantiated();
	}

	@AfterEach
	void tearDown() {
		this.writer.destroy();
		this.manager.close();
	}

	@Test
	void settingsRedisLostAreWrittenAgain() {
		assertThat(this.manager.groups("orders").concurrency()).isEqualTo(3);
		flushRedis();
		assertThat(this.manager.groups("orders").hasStoredSettings()).isFalse();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.manager.groups("orders").hasStoredSettings());
		assertThat(this.manager.groups("orders").concurrency()).isEqualTo(3);
		assertThat(this.manager.groups("orders").settings().strategy()).isEqualTo(GroupProcessingStrategy.FIFO);
	}

	@Test
	void aChangeMadeAtRunTimeIsNotUndone() {
		this.manager.groups("orders").setConcurrency(7);
		// Several looks go by: each finds settings stored and writes nothing.
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.manager.groups("orders").concurrency() == 7);
	}

	private void flushRedis() {
		try (RedisClient client = this.redis.newClient();
				StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().flushall();
		}
	}

}
