/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.test.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purging a dead-letter queue deletes every dead task with its data, chunk by chunk, and
 * leaves other queues alone.
 */
@QueueManagerTest
class DeadLetterPurgeTests {

	private QueueManager manager;

	private RedisTaskStore store;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build();
		this.store = managers.taskStore(Clock.systemUTC());
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
