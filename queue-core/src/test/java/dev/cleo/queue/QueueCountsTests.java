/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.test.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The counts of many queues are read together: in the order asked, and, with Redis away,
 * failing once after one command timeout rather than after one per queue.
 */
@QueueManagerTest
class QueueCountsTests {

	private QueueManager manager;

	@BeforeEach
	void setUp(QueueManagers managers) {
		this.manager = managers.build((builder) -> builder.commandTimeout(Duration.ofMillis(300)));
	}

	@Test
	void countsOfSeveralQueuesComeInTheOrderGivenEachQueueOnce(QueueManagers managers) {
		this.manager.enqueue("job", 1, TaskOptions.defaults().queue("zeta"));
		this.manager.enqueue("job", 2, TaskOptions.defaults().queue("zeta").group("g"));
		this.manager.enqueue("job", 3, TaskOptions.defaults().queue("zeta").delay(Duration.ofHours(1)));
		RedisTaskStore store = managers.taskStore(Clock.systemUTC());
		FinishedTasks.make(this.manager, store, "alpha", 2, Outcome.Kind.UNRECOVERABLE);
		FinishedTasks.make(this.manager, store, "alpha", 1, Outcome.Kind.COMPLETED);
		this.manager.enqueue("job", 4, TaskOptions.defaults().queue("mid"));
		store.claim("mid", 1, Duration.ofMinutes(1), "test");

		Map<String, QueueCounts> counts = this.manager.counts(List.of("zeta", "alpha", "mid", "never", "zeta"));

		assertThat(counts.keySet()).containsExactly("zeta", "alpha", "mid", "never");
		assertThat(counts).containsEntry("zeta", new QueueCounts(2, 1, 0, 0, 0))
			.containsEntry("alpha", new QueueCounts(0, 0, 0, 1, 2))
			.containsEntry("mid", new QueueCounts(0, 0, 1, 0, 0))
			.containsEntry("never", new QueueCounts(0, 0, 0, 0, 0));
		assertThat(this.manager.counts(List.of())).isEmpty();
	}

	@Test
	void countsOfManyQueuesFailAfterOneTimeoutWhileRedisIsAway(RedisServer redis) throws Exception {
		assumeThat(redis.supportsRestart()).isTrue();
		List<String> queues = IntStream.range(0, 40).mapToObj((i) -> "queue-" + i).toList();
		assertThat(this.manager.counts(queues)).hasSize(40);
		redis.stop();

		long started = System.nanoTime();
		assertThatExceptionOfType(QueueUnavailableException.class).isThrownBy(() -> this.manager.counts(queues))
			.withMessageContaining("40 queues");
		// One after another, 40 reads of 300 ms each would take 12 s.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

		CompletableFuture<Map<String, QueueCounts>> pending = this.manager.countsAsync(queues);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> pending.get(2, TimeUnit.SECONDS))
			.withCauseInstanceOf(QueueUnavailableException.class);
	}

	@Test
	void anInvalidQueueNameIsRefusedBeforeAnythingIsSent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.countsAsync(List.of("ok", "not ok")))
			.withMessageContaining("is invalid");
	}

}
