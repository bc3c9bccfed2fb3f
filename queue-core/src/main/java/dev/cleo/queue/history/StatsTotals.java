/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Duration;

/**
 * What history counted over a time range (the whole range, or one bucket of a series).
 * Percentiles come from histograms with four buckets per doubling, so they are within
 * about 9% of the exact value.
 *
 * @param attempts attempts that ended
 * @param completed attempts whose handler returned
 * @param failed attempts whose handler threw
 * @param timedOut attempts that ran past their timeout
 * @param leaseExpired attempts whose lease expired
 * @param cancelled attempts cancelled while they ran
 * @param retried failed attempts after which the task was tried again
 * @param dead failed attempts after which the task went to the dead-letter queue
 * @param expired tasks that expired before a start
 * @param dropped tasks a full group dropped
 * @param cancelledBeforeStart tasks cancelled before a start
 * @param successRate completed per attempt (0 to 1; 0 without attempts)
 * @param failureRate failed, timed-out and lease-expired attempts per attempt
 * @param meanDuration the mean run time of an attempt
 * @param p50Duration the median run time
 * @param p95Duration the 95th percentile run time
 * @param p99Duration the 99th percentile run time
 * @param meanWait the mean queue wait before an attempt started
 * @param p50Wait the median queue wait
 * @param p95Wait the 95th percentile queue wait
 * @param p99Wait the 99th percentile queue wait
 * @param throughputPerSecond completed attempts per second of the range
 */
public record StatsTotals(long attempts, long completed, long failed, long timedOut, long leaseExpired, long cancelled,
		long retried, long dead, long expired, long dropped, long cancelledBeforeStart, double successRate,
		double failureRate, Duration meanDuration, Duration p50Duration, Duration p95Duration, Duration p99Duration,
		Duration meanWait, Duration p50Wait, Duration p95Wait, Duration p99Wait, double throughputPerSecond) {

	/**
	 * The failed, timed-out and lease-expired attempts.
	 * @return their number
	 */
	public long failures() {
		return this.failed + this.timedOut + this.leaseExpired;
	}

}
