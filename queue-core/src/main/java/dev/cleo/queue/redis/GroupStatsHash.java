/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.Map;

import dev.cleo.queue.group.GroupStats;

/**
 * Reads a group's stats hash ({@code P:{Q}:gstats:<group>}, written by {@code ack.lua}
 * through {@code group_recorder} in {@code includes/group-stats.lua}) into
 * {@link GroupStats}: the p95 from the duration histogram, the throughput from the
 * 10-second slots. Internal.
 */
final class GroupStatsHash {

	/** Histogram buckets per doubling of the duration; the script's {@code 4}. */
	static final int BUCKETS_PER_DOUBLING = 4;

	/**
	 * The last histogram bucket, where longer durations are counted too; the script's
	 * cap.
	 */
	static final int TOP_BUCKET = 121;

	/** Length of a throughput slot; the script's {@code now div 10000}. */
	static final long SLOT_MILLIS = 10_000;

	/** Whole slots before the current one that the throughput covers: one minute. */
	static final int SLOTS = 6;

	private GroupStatsHash() {
	}

	static GroupStats read(String group, long waiting, long active, Map<String, String> hash, long now) {
		long completed = completed(hash);
		long failed = number(hash, "failed");
		long ended = completed + failed;
		double average = (ended > 0) ? (double) number(hash, "duration_ms") / ended : 0;
		return new GroupStats(group, waiting, active, completed, failed, number(hash, "dead"), average, p95(hash),
				completedPerMinute(hash, now));
	}

	/**
	 * Completions: those of the slots that left the throughput window, folded into
	 * {@code completed}, and those of the slots still in it.
	 */
	static long completed(Map<String, String> hash) {
		long completed = number(hash, "completed");
		for (Map.Entry<String, String> field : hash.entrySet()) {
			if (field.getKey().startsWith("c:") && !field.getKey().equals("c:last")) {
				completed += Long.parseLong(field.getValue());
			}
		}
		return completed;
	}

	/**
	 * The 95th percentile, interpolated linearly inside the bucket where it falls, as
	 * Prometheus's {@code histogram_quantile} does. Bucket 0 holds 0 ms; bucket
	 * {@code i > 0} holds [2<sup>(i-1)/4</sup>, 2<sup>i/4</sup>) ms.
	 */
	static double p95(Map<String, String> hash) {
		long[] counts = new long[TOP_BUCKET + 1];
		long total = 0;
		for (Map.Entry<String, String> field : hash.entrySet()) {
			if (field.getKey().startsWith("h:")) {
				int bucket = Math.min(TOP_BUCKET, Integer.parseInt(field.getKey().substring(2)));
				long count = Long.parseLong(field.getValue());
				counts[bucket] += count;
				total += count;
			}
		}
		double rank = 0.95 * total;
		long below = 0;
		for (int bucket = 0; bucket < counts.length; bucket++) {
			if (counts[bucket] > 0 && below + counts[bucket] >= rank) {
				return (bucket == 0) ? 0 : interpolate(bucket, (rank - below) / counts[bucket]);
			}
			below += counts[bucket];
		}
		return 0;
	}

	private static double interpolate(int bucket, double fraction) {
		double low = Math.pow(2, (bucket - 1) / (double) BUCKETS_PER_DOUBLING);
		double high = Math.pow(2, bucket / (double) BUCKETS_PER_DOUBLING);
		return low + (high - low) * fraction;
	}

	/**
	 * Completions in the current slot and the {@value #SLOTS} before it, per minute of
	 * the time they cover (60 s plus the current slot's elapsed part).
	 */
	static double completedPerMinute(Map<String, String> hash, long now) {
		long current = Math.floorDiv(now, SLOT_MILLIS);
		long sum = 0;
		for (long slot = current - SLOTS; slot <= current; slot++) {
			sum += number(hash, "c:" + slot);
		}
		double covered = SLOTS * SLOT_MILLIS + Math.floorMod(now, SLOT_MILLIS);
		return sum * 60_000.0 / covered;
	}

	private static long number(Map<String, String> hash, String field) {
		String value = hash.get(field);
		return (value != null) ? Long.parseLong(value) : 0;
	}

}
