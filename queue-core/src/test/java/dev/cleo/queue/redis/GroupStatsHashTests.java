/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cleo.queue.group.GroupStats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reading a group's stats hash: averages, the p95 interpolated in the log-scale
 * histogram, and the throughput over the last minute's slots (the hash written by real
 * scripts: {@code GroupStatsRecordingTests}).
 */
class GroupStatsHashTests {

	private static final long NOW = 1_700_000_005_000L;

	private static final long SLOT = NOW / 10_000;

	@Test
	void anEmptyHashReadsAsZeros() {
		assertThat(GroupStatsHash.read("g", 3, 1, Map.of(), NOW))
			.isEqualTo(new GroupStats("g", 3, 1, 0, 0, 0, 0.0, 0.0, 0.0));
	}

	@Test
	void completedAddsTheSlotsStillInTheWindowToThoseFoldedAway() {
		Map<String, String> hash = Map.of("completed", "10", "c:" + SLOT, "2", "c:" + (SLOT - 1), "3", "c:last",
				String.valueOf(SLOT));
		assertThat(GroupStatsHash.completed(hash)).isEqualTo(15);
	}

	@Test
	void averageDividesTheDurationSumByEveryEndedAttempt() {
		Map<String, String> hash = Map.of("completed", "1", "c:" + SLOT, "2", "failed", "1", "dead", "1", "duration_ms",
				"400");
		GroupStats stats = GroupStatsHash.read("g", 0, 0, hash, NOW);
		assertThat(stats.averageDurationMillis()).isEqualTo(100.0);
		assertThat(stats.endedAttempts()).isEqualTo(4);
		assertThat(stats.dead()).isOne();
	}

	@Test
	void p95IsInterpolatedInsideTheBucketWhereItFalls() {
		// 90 attempts of 10 ms (bucket 14: [2^3.25, 2^3.5)), 10 of 1000 ms (bucket 40:
		// [2^9.75, 2^10)): rank 95 is half way into the second bucket.
		Map<String, String> hash = Map.of("h:14", "90", "h:40", "10");
		double low = Math.pow(2, 9.75);
		assertThat(GroupStatsHash.p95(hash)).isCloseTo(low + (1024 - low) / 2, within(1e-9));
	}

	@Test
	void p95OfZeroMillisecondAttemptsIsZeroAndTheTopBucketTakesLongerOnes() {
		assertThat(GroupStatsHash.p95(Map.of("h:0", "20"))).isZero();
		assertThat(GroupStatsHash.p95(Map.of("h:0", "1", "h:500", "99"))).isBetween(Math.pow(2, 30),
				Math.pow(2, 30.25));
	}

	@Test
	void throughputCountsTheCurrentSlotAndTheSixBeforeItPerMinuteOfTimeCovered() {
		Map<String, String> hash = new HashMap<>();
		hash.put("c:" + SLOT, "5");
		hash.put("c:" + (SLOT - 6), "7");
		hash.put("c:" + (SLOT - 7), "1000");
		hash.put("c:last", String.valueOf(SLOT));
		// NOW is 5 s into its slot: the slots cover 65 s.
		assertThat(GroupStatsHash.completedPerMinute(hash, NOW)).isCloseTo(12 * 60.0 / 65, within(1e-9));
		assertThat(GroupStatsHash.completedPerMinute(hash, NOW + 70_000)).isZero();
	}

}
