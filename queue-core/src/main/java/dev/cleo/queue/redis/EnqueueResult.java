/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

/**
 * What the enqueue script did with one task.
 *
 * @param id the id of the stored task (the first task's id for a duplicate); {@code null}
 * when the task was not stored
 * @param status what happened to the task
 * @param groupMaxSize the maximum size of the task's group when it refused the task, else
 * 0
 */
public record EnqueueResult(String id, Status status, long groupMaxSize) {

	/** What happened to one task. */
	public enum Status {

		/** Stored as a new task. */
		STORED,

		/** An existing task with the same deduplication id was returned instead. */
		DUPLICATE,

		/** Refused: its group already holds its maximum number of waiting tasks. */
		GROUP_FULL,

		/** Not stored: another task of its all-or-nothing batch was refused. */
		BATCH_REFUSED

	}

	/**
	 * Whether an existing task with the same deduplication id was returned instead.
	 * @return true for a duplicate
	 */
	public boolean duplicate() {
		return this.status == Status.DUPLICATE;
	}

	/**
	 * Whether the task was stored, or found as a duplicate.
	 * @return false when it was refused
	 */
	public boolean accepted() {
		return this.status == Status.STORED || this.status == Status.DUPLICATE;
	}

}
