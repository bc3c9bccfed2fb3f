/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Duration;
import java.util.List;

import dev.cleo.queue.history.ErrorPattern;
import dev.cleo.queue.history.StatsTotals;

/**
 * A queue's last hour as {@code /actuator/queues/{name}} shows it, from
 * {@link dev.cleo.queue.history.TaskHistoryService}: the totals of its attempts and its
 * most frequent errors.
 *
 * @param attempts attempts that ended
 * @param completed attempts whose handler returned
 * @param failures failed, timed-out and lease-expired attempts
 * @param retried failed attempts after which the task was tried again
 * @param dead failed attempts after which the task went to the dead-letter queue
 * @param successRate completed per attempt, 0 to 1 (0 without attempts)
 * @param p50DurationMs the median run time in milliseconds
 * @param p95DurationMs the 95th percentile run time
 * @param p99DurationMs the 99th percentile run time
 * @param throughputPerSecond completed attempts per second of the hour
 * @param topErrors the {@value QueuesReader#ERRORS_LISTED} most frequent error patterns
 */
public record QueueHistoryDescriptor(long attempts, long completed, long failures, long retried, long dead,
		double successRate, double p50DurationMs, double p95DurationMs, double p99DurationMs,
		double throughputPerSecond, List<ErrorPattern> topErrors) {

	static QueueHistoryDescriptor of(StatsTotals totals, List<ErrorPattern> topErrors) {
		return new QueueHistoryDescriptor(totals.attempts(), totals.completed(), totals.failures(), totals.retried(),
				totals.dead(), totals.successRate(), millis(totals.p50Duration()), millis(totals.p95Duration()),
				millis(totals.p99Duration()), totals.throughputPerSecond(), topErrors);
	}

	/** Milliseconds to the microsecond: fast tasks run in less than one. */
	private static double millis(Duration duration) {
		return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
	}

}
