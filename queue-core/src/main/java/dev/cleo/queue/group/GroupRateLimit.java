/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

import java.time.Duration;
import java.util.Objects;

import dev.cleo.queue.InvalidTaskOptionException;

/**
 * At most {@code tasks} starts of one group per {@code period}, across every instance.
 * Windows are fixed: one starts with the first start after the previous one ended, so a
 * group never starts more than {@code tasks} within one window; a group that used its
 * window up waits out of line until the window ends, and the queue's other groups go on.
 *
 * @param tasks the most starts per window, at least 1
 * @param period the window, from 1 ms to 1 day
 */
public record GroupRateLimit(int tasks, Duration period) {

	private static final Duration LONGEST = Duration.ofDays(1);

	/**
	 * Check the limit.
	 * @throws InvalidTaskOptionException when tasks or period is out of range
	 */
	public GroupRateLimit {
		Objects.requireNonNull(period, "period");
		if (tasks < 1) {
			throw new InvalidTaskOptionException("group rate limit tasks must be at least 1, was " + tasks);
		}
		if (period.toMillis() < 1 || period.compareTo(LONGEST) > 0) {
			throw new InvalidTaskOptionException(
					"group rate limit period must be between 1ms and 1 day, was " + period);
		}
	}

	/**
	 * A limit of {@code tasks} starts per {@code period}.
	 * @param tasks the most starts per window
	 * @param period the window
	 * @return the limit
	 */
	public static GroupRateLimit of(int tasks, Duration period) {
		return new GroupRateLimit(tasks, period);
	}

}
