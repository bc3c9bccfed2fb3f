/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

/**
 * What the ack script did with one outcome.
 */
public enum AckResult {

	/**
	 * The lease had been lost (expired, reaped, handed back): the outcome was ignored.
	 */
	LEASE_LOST,

	/** The task is completed. */
	COMPLETED,

	/** The attempt failed and the task will run again at its retry time. */
	RETRY_SCHEDULED,

	/** The task is in the dead-letter queue. */
	DEAD,

	/**
	 * The task was cancelled while the attempt ran: the outcome was ignored, and the task
	 * never runs again.
	 */
	CANCELLED,

	/**
	 * The task went back, delayed, for another worker (this one has no handler for its
	 * name); the attempt did not count.
	 */
	HANDED_BACK;

	static AckResult fromCode(long code) {
		return values()[(int) code];
	}

}
