/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Duration;
import java.util.Map;

/**
 * Adds up counts, sums and histograms, from rollup buckets or from single attempts, and
 * turns them into {@link StatsTotals}.
 */
final class StatsAccumulator {

	/** Histogram slots: four per doubling cover more than a year in milliseconds. */
	private static final int SLOTS = 160;

	private long attempts;

	private long completed;

	private long failed;

	private long timedOut;

	private long leaseExpired;

	private long cancelled;

	private long retried;

	private long dead;

	private long expired;

	private long dropped;

	private long cancelledBeforeStart;

	private long durationSum;

	private long waitSum;

	private long waited;

	private final long[] durations = new long[SLOTS];

	private final long[] waits = new long[SLOTS];

	/** The histogram slot of a time, as {@code history-fold.lua} computes it. */
	static int slot(long millis) {
		return Math.min(SLOTS - 1, (int) Math.floor(4 * Math.log(millis + 1) / Math.log(2)));
	}

	/**
	 * Add the metrics of one dimension of a rollup bucket.
	 * @param fields the bucket's fields
	 * @param dimension {@code q}, {@code t} or {@code w}
	 * @param name the name wanted ("" for the queue)
	 * @param namePrefix whether names starting with {@code name} count too (an instance's
	 * workers)
	 */
	void addBucket(Map<String, String> fields, String dimension, String name, boolean namePrefix) {
		fields.forEach((field, value) -> {
			int first = field.indexOf(HistoryLines.FIELD);
			int second = field.indexOf(HistoryLines.FIELD, first + 1);
			if (first < 0 || second < 0 || !field.regionMatches(0, dimension, 0, first)
					|| first != dimension.length()) {
				return;
			}
			String fieldName = field.substring(first + 1, second);
			if (namePrefix ? !fieldName.startsWith(name) : !fieldName.equals(name)) {
				return;
			}
			add(field.substring(second + 1), Long.parseLong(value));
		});
	}

	private void add(String metric, long value) {
		switch (metric) {
			case "n" -> this.attempts += value;
			case "c" -> this.completed += value;
			case "f" -> this.failed += value;
			case "t" -> this.timedOut += value;
			case "l" -> this.leaseExpired += value;
			case "k" -> this.cancelled += value;
			case "r" -> this.retried += value;
			case "d" -> this.dead += value;
			case "x" -> this.expired += value;
			case "D" -> this.dropped += value;
			case "C" -> this.cancelledBeforeStart += value;
			case "ds" -> this.durationSum += value;
			case "ws" -> this.waitSum += value;
			default -> addToHistogram(metric, value);
		}
	}

	private void addToHistogram(String metric, long value) {
		if (metric.length() < 4 || metric.charAt(2) != ':') {
			return;
		}
		int slot = Math.min(SLOTS - 1, Integer.parseInt(metric.substring(3)));
		if (metric.startsWith("dh")) {
			this.durations[slot] += value;
		}
		else if (metric.startsWith("wh")) {
			this.waits[slot] += value;
			this.waited += value;
		}
	}

	/**
	 * Add one attempt.
	 * @param attempt the attempt
	 */
	void addAttempt(TaskAttempt attempt) {
		this.attempts++;
		switch (attempt.outcome()) {
			case COMPLETED -> this.completed++;
			case FAILED -> this.failed++;
			case TIMED_OUT -> this.timedOut++;
			case LEASE_EXPIRED -> this.leaseExpired++;
			case CANCELLED -> this.cancelled++;
		}
		if (attempt.retried()) {
			this.retried++;
		}
		if (attempt.dead()) {
			this.dead++;
		}
		long duration = Math.max(0, attempt.duration().toMillis());
		long wait = attempt.queueWait().toMillis();
		this.durationSum += duration;
		this.waitSum += wait;
		this.durations[slot(duration)]++;
		this.waits[slot(wait)]++;
		this.waited++;
	}

	/**
	 * Add a task that ended without an attempt.
	 * @param kind {@code X} expired, {@code D} dropped or {@code C} cancelled before a
	 * start
	 */
	void addUnstarted(char kind) {
		switch (kind) {
			case 'X' -> this.expired++;
			case 'D' -> this.dropped++;
			case 'C' -> this.cancelledBeforeStart++;
			default -> {
			}
		}
	}

	/**
	 * What was added, as totals.
	 * @param range the length of the range, for the throughput
	 * @return the totals
	 */
	StatsTotals totals(Duration range) {
		double seconds = Math.max(1, range.toMillis()) / 1000.0;
		return new StatsTotals(this.attempts, this.completed, this.failed, this.timedOut, this.leaseExpired,
				this.cancelled, this.retried, this.dead, this.expired, this.dropped, this.cancelledBeforeStart,
				rate(this.completed), rate(this.failed + this.timedOut + this.leaseExpired),
				mean(this.durationSum, this.attempts), percentile(this.durations, 0.50),
				percentile(this.durations, 0.95), percentile(this.durations, 0.99), mean(this.waitSum, this.waited),
				percentile(this.waits, 0.50), percentile(this.waits, 0.95), percentile(this.waits, 0.99),
				this.completed / seconds);
	}

	private double rate(long count) {
		return (this.attempts == 0) ? 0 : (double) count / this.attempts;
	}

	private static Duration mean(long sum, long count) {
		return (count == 0) ? Duration.ZERO : Duration.ofMillis(Math.round((double) sum / count));
	}

	/** The midpoint, on the log scale, of the slot the quantile falls in. */
	private static Duration percentile(long[] histogram, double quantile) {
		long total = 0;
		for (long count : histogram) {
			total += count;
		}
		if (total == 0) {
			return Duration.ZERO;
		}
		long rank = (long) Math.ceil(quantile * total);
		long seen = 0;
		for (int slot = 0; slot < histogram.length; slot++) {
			seen += histogram[slot];
			if (seen >= rank) {
				double millis = Math.pow(2, (slot + 0.5) / 4) - 1;
				return Duration.ofMillis(Math.round(Math.max(0, millis)));
			}
		}
		return Duration.ZERO;
	}

}
