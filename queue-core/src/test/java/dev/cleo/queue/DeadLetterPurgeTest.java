/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.RedisConnector;
import dev.cleo.queue.redis.RedisKeys;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import io.lettuce.core.RedisClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purging a dead-letter queue deletes every dead task with its data, chunk by chunk, and
 * leaves other queues alone.
 */
@RedisTest
class DeadLetterPurgeTest {

	private QueueManager manager;

	private RedisConnector connector;

	private RedisTaskStore store;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.manager = QueueManager.builder().redisUri(redis.uri()).build();
		this.connector = RedisConnector.of(RedisClient.create(redis.uri()), true);
		this.store = new RedisTaskStore(this.connector, new RedisKeys("cleo"), Clock.systemUTC(),
				Duration.ofSeconds(5));
	}

	@AfterEach
	void tearDown() {
		this.manager.close();
		this.connector.close();
	}

	@Test
	void purgeDeletesEveryDeadTaskInChunks(RedisServer redis) {
		List<String> dead = FinishedTasks.make(this.manager, this.store, "jobs", 1_100, Outcome.Kind.UNRECOVERABLE);
		FinishedTasks.make(this.manager, this.store, "others", 3, Outcome.Kind.UNRECOVERABLE);
		assertThat(this.manager.deadLetters("jobs").size()).isEqualTo(1_100);
		long scriptsBefore = CommandStats.calls(redis, "evalsha", "eval");

		assertThat(this.manager.deadLetters("jobs").purge()).isEqualTo(1_100);

		assertThat(CommandStats.calls(redis, "evalsha", "eval") - scriptsBefore).as("chunks").isGreaterThanOrEqualTo(3);
		assertThat(this.manager.deadLetters("jobs").size()).isZero();
		assertThat(this.manager.task("jobs", dead.get(0))).isEmpty();
		assertThat(this.manager.task("jobs", dead.get(1_099))).isEmpty();
		assertThat(this.manager.deadLetters("others").size()).isEqualTo(3);
	}

	@Test
	void purgeOfAnEmptyDeadLetterQueueDeletesNothing() {
		assertThat(this.manager.deadLetters("jobs").purge()).isZero();
	}

}
