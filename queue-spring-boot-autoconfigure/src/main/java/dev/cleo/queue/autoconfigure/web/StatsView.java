/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.cleo.queue.history.HistoryStats;
import dev.cleo.queue.history.StatsBucket;
import dev.cleo.queue.history.StatsTotals;

/**
 * Statistics as {@code /api/history/stats} shows them: times are ISO-8601 instants,
 * durations milliseconds.
 *
 * @param since the start of the first bucket
 * @param until the end of the last bucket
 * @param resolution the buckets' width: {@code minute}, {@code hour} or {@code day}
 * @param coveredFrom the earliest time history still holds data for at this resolution
 * @param totals the whole range
 * @param series one bucket per resolution, oldest first, empty ones included
 */
public record StatsView(String since, String until, String resolution, String coveredFrom, Totals totals,
		List<Bucket> series) {

	static StatsView of(HistoryStats stats) {
		return new StatsView(stats.since().toString(), stats.until().toString(),
				stats.resolution().name().toLowerCase(Locale.ROOT), stats.coveredFrom().toString(),
				Totals.of(stats.totals()),
				stats.series()
					.stream()
					.map((bucket) -> new Bucket(bucket.start().toString(), Totals.of(bucket.totals())))
					.toList());
	}

	/**
	 * One bucket of the series.
	 *
	 * @param start the bucket's start
	 * @param totals what was counted in it
	 */
	public record Bucket(String start, Totals totals) {

	}

	/**
	 * What was counted over a range; percentiles are within about 9% of the exact value.
	 *
	 * @param attempts attempts that ended
	 * @param completed attempts whose handler returned
	 * @param failed attempts whose handler threw
	 * @param timedOut attempts that ran past their timeout
	 * @param leaseExpired attempts whose lease expired
	 * @param cancelled attempts cancelled while they ran
	 * @param retried failed attempts after which the job was tried again
	 * @param dead failed attempts after which the job went to the dead-letter queue
	 * @param expired jobs that expired before a start
	 * @param dropped jobs a full group dropped
	 * @param cancelledBeforeStart jobs cancelled before a start
	 * @param successRate completed per attempt, 0 to 1
	 * @param failureRate failed, timed-out and lease-expired per attempt, 0 to 1
	 * @param meanDurationMs the mean run time
	 * @param p50DurationMs the median run time
	 * @param p95DurationMs the 95th percentile run time
	 * @param p99DurationMs the 99th percentile run time
	 * @param meanWaitMs the mean queue wait
	 * @param p50WaitMs the median queue wait
	 * @param p95WaitMs the 95th percentile queue wait
	 * @param p99WaitMs the 99th percentile queue wait
	 * @param throughputPerSecond completed attempts per second of the range
	 */
	public record Totals(long attempts, long completed, long failed, long timedOut, long leaseExpired, long cancelled,
			long retried, long dead, long expired, long dropped, long cancelledBeforeStart, double successRate,
			double failureRate, double meanDurationMs, double p50DurationMs, double p95DurationMs, double p99DurationMs,
			double meanWaitMs, double p50WaitMs, double p95WaitMs, double p99WaitMs, double throughputPerSecond) {

		static Totals of(StatsTotals totals) {
			return new Totals(totals.attempts(), totals.completed(), totals.failed(), totals.timedOut(),
					totals.leaseExpired(), totals.cancelled(), totals.retried(), totals.dead(), totals.expired(),
					totals.dropped(), totals.cancelledBeforeStart(), totals.successRate(), totals.failureRate(),
					millis(totals.meanDuration()), millis(totals.p50Duration()), millis(totals.p95Duration()),
					millis(totals.p99Duration()), millis(totals.meanWait()), millis(totals.p50Wait()),
					millis(totals.p95Wait()), millis(totals.p99Wait()), totals.throughputPerSecond());
		}

		/** Milliseconds to the microsecond: fast tasks run in less than one. */
		static double millis(Duration duration) {
			return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
		}

	}

}
