/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * Which finished tasks a clean-up removes ahead of retention (QueueFlow's
 * {@code POST /api/cleanup}).
 *
 * @param removeCompleted remove completed (and cancelled) tasks
 * @param removeExpired remove expired tasks, and tasks dropped from a full group
 * @param olderThan only tasks that finished at least this long ago; zero for all
 */
public record CleanupRequest(boolean removeCompleted, boolean removeExpired, Duration olderThan) {

	/**
	 * Check the request.
	 * @throws InvalidTaskOptionException when {@code olderThan} is negative
	 */
	public CleanupRequest {
		Objects.requireNonNull(olderThan, "olderThan must not be null");
		if (olderThan.isNegative()) {
			throw new InvalidTaskOptionException("olderThan must be zero or positive, was " + olderThan);
		}
	}

}
