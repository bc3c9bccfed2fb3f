/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cleo.queue.LeaseFencingTests.TestClock;
import dev.cleo.queue.group.GroupStats;
import dev.cleo.queue.redis.AckResult;
import dev.cleo.queue.redis.ClaimedTask;
import dev.cleo.queue.redis.Outcome.Kind;
import dev.cleo.queue.redis.Outcome;
import dev.cleo.queue.redis.RedisTaskStore;
import dev.cleo.queue.test.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What {@code ack.lua} records in a group's stats, driven through the store with a clock
 * the test moves, so durations and time slots are exact (the same on real workers:
 * {@link GroupStatsTests}).
 */
@QueueManagerTest
class GroupStatsRecordingTests {

	private static final String QUEUE = "stats";

	private static final String STATS_KEY = "cleo:{stats}:gstats:g";

	/** 5 s into a 10-second slot. */
	private static final long START = 1_700_000_005_000L;

	private final TestClock clock = new TestClock(Instant.ofEpochMilli(START));

	private RedisServer server;

	private QueueManager manager;

	private RedisTaskStore store;

	private RedisCommands<String, String> redis;

	@BeforeEach
	void setUp(QueueManagers managers, RedisServer server) {
		this.server = server;
		this.manager = managers.build((builder) -> builder.clock(this.clock));
		this.manager.groups(QUEUE).setConcurrency(100);
		this.store = managers.taskStore(this.clock);
		this.redis = managers.redisCommands();
	}

	@Test
	void completedFailedAttemptsAndDeadTasksAreCountedApart() {
		List<ClaimedTask> tasks = enqueueAndClaim(3, TaskOptions.defaults().maxAttempts(2));
		assertThat(ack(Kind.COMPLETED, tasks.get(0))).containsExactly(AckResult.COMPLETED);
		assertThat(ack(Kind.FAILED, tasks.get(1))).containsExactly(AckResult.RETRY_SCHEDULED);
		assertThat(ack(Kind.UNRECOVERABLE, tasks.get(2))).containsExactly(AckResult.DEAD);

		GroupStats stats = this.manager.groups(QUEUE).group("g").stats();
		assertThat(stats.completed()).isOne();
		assertThat(stats.failedAttempts()).isEqualTo(2);
		assertThat(stats.dead()).isOne();
		assertThat(stats.active()).isZero();
		assertThat(stats.waiting()).isZero();
	}

	@Test
	void p95FollowsTheSlowTailOfASkewedDistribution() {
		List<ClaimedTask> tasks = enqueueAndClaim(20, TaskOptions.defaults());
		this.clock.advance(Duration.ofMillis(10));
		ack(Kind.COMPLETED, tasks.subList(0, 18).toArray(ClaimedTask[]::new));
		this.clock.advance(Duration.ofMillis(990));
		ack(Kind.FAILED, tasks.subList(18, 20).toArray(ClaimedTask[]::new));

		GroupStats stats = this.manager.groups(QUEUE).group("g").stats();
		assertThat(stats.averageDurationMillis()).isCloseTo((18 * 10 + 2 * 1000) / 20.0, within(1e-9));
		// Rank 19 of 20 lies half way into the bucket of the 1000 ms attempts,
		// [2^9.75, 2^10) ms.
		double low = Math.pow(2, 9.75);
		assertThat(stats.p95DurationMillis()).isCloseTo(low + (1024 - low) / 2, within(1e-6));
	}

	@Test
	void throughputCoversTheLastMinuteAndOlderSlotsAreDropped() {
		ack(Kind.COMPLETED, enqueueAndClaim(13, TaskOptions.defaults()).toArray(ClaimedTask[]::new));
		// 5 s into the slot: six whole slots and this one cover 65 s.
		assertThat(this.manager.groups(QUEUE).group("g").stats().completedPerMinute()).isCloseTo(12.0, within(1e-9));
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(this.manager.groups(QUEUE).group("g").stats().completedPerMinute()).isCloseTo(12.0, within(1e-9));
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.manager.groups(QUEUE).group("g").stats().completedPerMinute()).isZero();

		ack(Kind.COMPLETED, enqueueAndClaim(2, TaskOptions.defaults()).toArray(ClaimedTask[]::new));
		// The old slot was folded into the total when the new one began.
		long slot = this.clock.millis() / 10_000;
		assertThat(this.redis.hkeys(STATS_KEY)).filteredOn((field) -> field.startsWith("c:"))
			.containsExactlyInAnyOrder("c:" + slot, "c:last");
		assertThat(this.redis.hmget(STATS_KEY, "c:last", "completed")).extracting((value) -> value.getValue())
			.containsExactly(String.valueOf(slot), "13");
		assertThat(this.manager.groups(QUEUE).group("g").stats().completed()).isEqualTo(15);
	}

	@Test
	void statsLiveAsLongAsCompletedTasksAreKeptButAtLeastAnHour() {
		ClaimedTask task = enqueueAndClaim(1, TaskOptions.defaults()).get(0);
		this.store.ack(QUEUE, List.of(outcome(Kind.COMPLETED, task)),
				new Retention(10, Duration.ofHours(2), 10, Duration.ofDays(7)));
		assertThat(this.redis.pttl(STATS_KEY)).isBetween(Duration.ofHours(2).minusMinutes(1).toMillis(),
				Duration.ofHours(2).toMillis());

		// Completions refresh the TTL once per 10-second slot, failures every time.
		task = enqueueAndClaim(1, TaskOptions.defaults()).get(0);
		this.store.ack(QUEUE, List.of(outcome(Kind.UNRECOVERABLE, task)),
				new Retention(10, Duration.ZERO, 10, Duration.ofDays(7)));
		assertThat(this.redis.pttl(STATS_KEY)).isBetween(Duration.ofMinutes(59).toMillis(),
				Duration.ofHours(1).toMillis());

		this.clock.advance(Duration.ofSeconds(10));
		task = enqueueAndClaim(1, TaskOptions.defaults()).get(0);
		this.store.ack(QUEUE, List.of(outcome(Kind.COMPLETED, task)),
				new Retention(10, Duration.ofHours(3), 10, Duration.ofDays(7)));
		assertThat(this.redis.pttl(STATS_KEY)).isBetween(Duration.ofHours(3).minusMinutes(1).toMillis(),
				Duration.ofHours(3).toMillis());
	}

	@Test
	void aCompletionCostsThreeCountersAndTheExpiryIsRefreshedOncePerSlot() {
		ack(Kind.COMPLETED, enqueueAndClaim(1, TaskOptions.defaults()).toArray(ClaimedTask[]::new));
		ClaimedTask[] tasks = enqueueAndClaim(20, TaskOptions.defaults()).toArray(ClaimedTask[]::new);
		long counters = CommandStats.calls(this.server, "hincrby");
		long expiries = CommandStats.calls(this.server, "pexpire");
		ack(Kind.COMPLETED, tasks);
		// Per task: duration sum, histogram bucket, slot; and one to free the group's
		// slot.
		assertThat(CommandStats.calls(this.server, "hincrby") - counters).isEqualTo(20 * 4);
		assertThat(CommandStats.calls(this.server, "pexpire") - expiries).isZero();
		assertThat(this.manager.groups(QUEUE).group("g").stats().completed()).isEqualTo(21);
	}

	@Test
	void aLostLeaseAndAnUngroupedTaskRecordNothing() {
		ClaimedTask grouped = enqueueAndClaim(1, TaskOptions.defaults()).get(0);
		Outcome stale = new Outcome(QUEUE, grouped.id(), "not-the-token", Kind.COMPLETED, "", 0);
		assertThat(this.store.ack(QUEUE, List.of(stale), Retention.defaults())).containsExactly(AckResult.LEASE_LOST);
		this.manager.enqueue("job", 1, TaskOptions.defaults().queue(QUEUE));
		ClaimedTask ungrouped = this.store.claim(QUEUE, 1, Duration.ofMinutes(1), "w").tasks().get(0);
		assertThat(ack(Kind.COMPLETED, ungrouped)).containsExactly(AckResult.COMPLETED);

		assertThat(this.redis.keys("cleo:{stats}:gstats:*")).isEmpty();
		assertThat(this.manager.groups(QUEUE).group("g").stats())
			.isEqualTo(new GroupStats("g", 0, 1, 0, 0, 0, 0.0, 0.0, 0.0));
	}

	private List<ClaimedTask> enqueueAndClaim(int count, TaskOptions options) {
		this.manager.enqueueAll(IntStream.range(0, count)
			.mapToObj((i) -> TaskRequest.of("job", i, options.queue(QUEUE).group("g")))
			.toList());
		List<ClaimedTask> tasks = this.store.claim(QUEUE, count, Duration.ofMinutes(1), "w").tasks();
		assertThat(tasks).hasSize(count);
		return tasks;
	}

	private List<AckResult> ack(Kind kind, ClaimedTask... tasks) {
		return this.store.ack(QUEUE, List.of(tasks).stream().map((task) -> outcome(kind, task)).toList(),
				Retention.defaults());
	}

	private Outcome outcome(Kind kind, ClaimedTask task) {
		return new Outcome(QUEUE, task.id(), task.token(), kind, "", this.clock.millis() + 60_000);
	}

}
