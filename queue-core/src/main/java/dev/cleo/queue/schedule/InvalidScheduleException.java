/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import dev.cleo.queue.InvalidTaskOptionException;

/**
 * A schedule definition that cannot be used: an unreadable or never-firing cron
 * expression, an unknown zone, a period out of range, or task options a schedule does not
 * take. The message names the schedule, the culprit and what is accepted.
 */
public class InvalidScheduleException extends InvalidTaskOptionException {

	/**
	 * Create an exception.
	 * @param message the schedule, what is wrong and what is accepted
	 */
	public InvalidScheduleException(String message) {
		super(message);
	}

}
