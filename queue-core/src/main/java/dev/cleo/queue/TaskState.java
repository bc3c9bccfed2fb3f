/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.Locale;

/**
 * Where a task is in its life: {@code waiting → active → completed}; on a failure with
 * attempts left {@code active → failed} (waiting for its retry time) {@code → waiting};
 * {@code active → dead} when attempts run out; {@code delayed → waiting} when due;
 * {@code waiting | delayed | failed | active → cancelled}; {@code waiting → expired} past
 * its TTL.
 */
public enum TaskState {

	/** Ready to run, waiting for a free worker. */
	WAITING,

	/** Scheduled for a later time. */
	DELAYED,

	/** Leased by a worker and running. */
	ACTIVE,

	/** Finished successfully. */
	COMPLETED,

	/** The last attempt failed; the task waits for its retry time. */
	FAILED,

	/**
	 * Failed for good (attempts exhausted or unrecoverable); kept in the dead-letter
	 * queue.
	 */
	DEAD,

	/** Not started before its time-to-live ran out. */
	EXPIRED,

	/** Cancelled: before it started, or while it ran (then never retried). */
	CANCELLED,

	/**
	 * Dropped from a full group to make room for a newer task
	 * ({@link dev.cleo.queue.group.GroupOverflow#DROP_OLDEST}); never started.
	 */
	DROPPED;

	/**
	 * The lower-case word stored in Redis and shown in APIs, for example {@code waiting}.
	 * @return the stored value
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Read a stored value.
	 * @param value the lower-case word
	 * @return the state
	 */
	public static TaskState fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/**
	 * Whether the task has reached the end of its life.
	 * @return true for completed, dead, expired, cancelled and dropped
	 */
	public boolean isFinal() {
		return this == COMPLETED || this == DEAD || this == EXPIRED || this == CANCELLED || this == DROPPED;
	}

}
