/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;

/**
 * How long finished tasks are kept: completed (and cancelled, expired) tasks and dead
 * tasks are each trimmed by count and by age, so Redis memory stays flat under a steady
 * load.
 *
 * @param completedMaxCount how many completed tasks to keep, at least 0 (0 removes them
 * at once)
 * @param completedMaxAge how long to keep a completed task
 * @param deadMaxCount how many dead tasks to keep, at least 0
 * @param deadMaxAge how long to keep a dead task
 */
public record Retention(long completedMaxCount, Duration completedMaxAge, long deadMaxCount, Duration deadMaxAge) {

	/**
	 * Check the values.
	 */
	public Retention {
		if (completedMaxCount < 0 || deadMaxCount < 0) {
			throw new InvalidTaskOptionException("retention counts must be at least 0, were " + completedMaxCount
					+ " (completed) and " + deadMaxCount + " (dead)");
		}
		if (completedMaxAge == null || completedMaxAge.isNegative() || deadMaxAge == null || deadMaxAge.isNegative()) {
			throw new InvalidTaskOptionException("retention ages must be zero or positive, were " + completedMaxAge
					+ " (completed) and " + deadMaxAge + " (dead)");
		}
	}

	/**
	 * The defaults: the newest 10,000 completed tasks for at most 24 hours, and the
	 * newest 100,000 dead tasks for at most 7 days.
	 * @return the default retention
	 */
	public static Retention defaults() {
		return new Retention(10_000, Duration.ofHours(24), 100_000, Duration.ofDays(7));
	}

}
