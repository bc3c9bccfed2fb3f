/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.redis.ScheduleStore.ScheduledRun;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import io.lettuce.core.RedisClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fire script on a real Redis: the compare-and-set that makes a tick fire once
 * however many instances try, and Redis's clock as the judge of "due".
 */
@RedisTest
class ScheduleFireScriptTests {

	private static final String QUEUE = "q";

	private RedisConnector connector;

	private RedisScheduleStore store;

	@BeforeEach
	void setUp(RedisServer redis) {
		this.connector = RedisConnector.of(RedisClient.create(redis.uri()), true);
		this.store = new RedisScheduleStore(this.connector, new RedisKeys("cleo"), Duration.ofSeconds(5));
	}

	@AfterEach
	void tearDown() {
		this.connector.close();
	}

	@Test
	void twoInstancesThatReadTheSameDueTickFireItOnce() {
		long now = this.store.due(QUEUE, 0).now();
		save(now - 1000);
		StoredSchedule read = this.store.due(QUEUE, 10).due().get(0);
		// the next tick is due too (a catch-up), so only the compare-and-set stops a
		// second fire
		FireResult first = fire(read.next(), now - 500, "run-1");
		FireResult second = fire(read.next(), now - 500, "run-2");
		assertThat(first.outcome()).isEqualTo(FireResult.Outcome.FIRED);
		assertThat(first.ids()).containsExactly("run-1");
		assertThat(second.outcome()).isEqualTo(FireResult.Outcome.STALE);
		assertThat(second.ids()).isEmpty();
		assertThat(this.store.find(QUEUE, "s").orElseThrow().fired()).isEqualTo(1);
		assertThat(this.connector.commands().exists("cleo:{q}:t:run-2").toCompletableFuture().join()).isZero();
	}

	@Test
	void aTickStillInTheFutureByRedisTimeDoesNotFireWhateverTheCallerThinks() {
		long now = this.store.due(QUEUE, 0).now();
		save(now + 10_000);
		FireResult early = fire(Long.toString(now + 10_000), now + 11_000, "too-early");
		assertThat(early.outcome()).isEqualTo(FireResult.Outcome.NOT_DUE);
		assertThat(this.store.find(QUEUE, "s").orElseThrow().fired()).isZero();
	}

	@Test
	void aFiredRunIsStoredAndIndexedLikeAnyTask() {
		long now = this.store.due(QUEUE, 0).now();
		save(now - 1000);
		fire(Long.toString(now - 1000), now + 1000, "run-1");
		Map<String, String> task = this.connector.commands().hgetall("cleo:{q}:t:run-1").toCompletableFuture().join();
		assertThat(task).containsEntry("name", "work")
			.containsEntry("state", "waiting")
			.containsEntry("schedule", "s")
			.containsEntry("tick", Long.toString(now - 1000))
			.containsEntry("run_at", Long.toString(now - 1000));
		assertThat(this.connector.commands().zscore("cleo:{q}:ready", "run-1").toCompletableFuture().join())
			.isNotNull();
		assertThat(this.store.due(QUEUE, 0).earliest()).isEqualTo(now + 1000);
	}

	private void save(long firstTick) {
		this.store.save(QUEUE, new NewSchedule("s", null, "h", "rate|1000", firstTick, "work", "null", 5, 3, "fixed:0",
				0, 0, null, false, "FIRE_ONCE", 100, 60_000, "ALLOW"));
	}

	private FireResult fire(String expected, long next, String id) {
		return this.store.fire(QUEUE, "s", expected, next, 0, List.of(new ScheduledRun(Long.parseLong(expected), id)),
				5000);
	}

}
