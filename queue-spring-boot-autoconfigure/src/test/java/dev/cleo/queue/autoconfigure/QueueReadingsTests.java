/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.worker.WorkerPoolOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared queue counts on a real Redis: only the queues the application knows, all of
 * them in one read, and while Redis does not answer one read per deadline however often
 * they are asked for.
 */
class QueueReadingsTests extends AbstractQueueManagerTests {

	private final AtomicInteger reads = new AtomicInteger();

	private QueueReadings readings;

	@BeforeEach
	void setUp() {
		this.readings = new QueueReadings(new ApplicationQueues(List.of("emails")), this.manager::workerPools,
				this::countingRead, Duration.ofMillis(200));
	}

	@AfterEach
	void tearDown() {
		this.readings.close();
	}

	@Test
	void countsTheApplicationsQueuesAndNoOtherQueueInRedis() {
		this.manager.enqueue("echo", "a", TaskOptions.defaults().queue("emails"));
		this.manager.enqueue("echo", "b", TaskOptions.defaults().queue("stranger"));
		assertThat(this.readings.fresh().join()).containsOnlyKeys("emails")
			.containsEntry("emails", new QueueCounts(1, 0, 0, 0, 0));
		assertThat(this.readings.knows("stranger")).isFalse();
	}

	@Test
	void queuesOfLocalPoolsAndWatchedQueuesAreReadTooInOneRead() {
		this.manager.startWorkers(WorkerPoolOptions.builder().name("images").queue("images").build());
		this.readings.watch(List.of("billing"));
		assertThat(this.readings.queues()).containsExactly("billing", "emails", "images");
		assertThat(this.readings.fresh().join()).containsOnlyKeys("billing", "emails", "images");
		assertThat(this.reads).hasValue(1);
		assertThat(this.readings.knows("images")).isTrue();
		assertThat(this.readings.knows("billing")).isTrue();
	}

	@Test
	void whileRedisDoesNotAnswerItIsReadOncePerDeadline(RedisServer redis) {
		try (RedisClient client = RedisClient.create(redis.uri());
				StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().clientPause(1_500);
			long start = System.nanoTime();
			long asked = 0;
			// Ask as a busy scrape would: every look may set off a read.
			while (System.nanoTime() - start < Duration.ofSeconds(1).toNanos()) {
				long before = System.nanoTime();
				assertThat(this.readings.recent(Duration.ZERO, Duration.ofMinutes(1))).isEmpty();
				// Waiting for the read in flight would take its 200 ms deadline; the
				// bound is
				// that, not less, so a busy machine's scheduling hiccup does not fail it
				// (the count below shows the calls take well under a millisecond).
				assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(200));
				asked++;
			}
			assertThat(asked).isGreaterThan(1_000);
			// 1 s at one read per 200 ms deadline, and the read started last.
			assertThat(this.reads.get()).isBetween(1, 6);
		}
	}

	private CompletableFuture<Map<String, QueueCounts>> countingRead(Collection<String> queues) {
		this.reads.incrementAndGet();
		return this.manager.countsAsync(queues);
	}

}
