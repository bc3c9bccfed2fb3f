/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.List;

import dev.cleo.queue.redis.QueueAdminStore;
import dev.cleo.queue.redis.TaskStore;

/**
 * The dead-letter queue of one queue: tasks that failed for good, with their last error.
 * They can be listed, retried (with fresh attempts) or deleted; retention trims them by
 * count and age.
 */
public final class DeadLetterQueue {

	private final TaskStore store;

	private final QueueAdminStore admin;

	private final String queue;

	DeadLetterQueue(TaskStore store, QueueAdminStore admin, String queue) {
		this.store = store;
		this.admin = admin;
		this.queue = queue;
	}

	/**
	 * List dead tasks, newest first; each carries its last error.
	 * @param offset how many to skip
	 * @param limit how many at most, from 1 to 1000
	 * @return the tasks
	 */
	public List<TaskInfo> list(int offset, int limit) {
		if (offset < 0 || limit < 1 || limit > 1000) {
			throw new InvalidTaskOptionException(
					"offset must be at least 0 and limit between 1 and 1000, were " + offset + " and " + limit);
		}
		return this.store.dead(this.queue, offset, limit);
	}

	/**
	 * How many tasks are dead.
	 * @return the number of dead tasks
	 */
	public long size() {
		return this.store.counts(this.queue).dead();
	}

	/**
	 * Retry the given dead tasks: they are ready again with fresh attempts.
	 * @param ids the task ids
	 * @return the ids that were dead and are now retried
	 */
	public List<String> retry(List<String> ids) {
		return ids.isEmpty() ? List.of() : this.store.retryDead(this.queue, ids, ids.size());
	}

	/**
	 * Retry the oldest dead tasks.
	 * @param maxTasks how many at most, from 1 to 100000
	 * @return the ids retried
	 */
	public List<String> retryAll(int maxTasks) {
		if (maxTasks < 1 || maxTasks > 100_000) {
			throw new InvalidTaskOptionException("maxTasks must be between 1 and 100000, was " + maxTasks);
		}
		return this.store.retryDead(this.queue, List.of(), maxTasks);
	}

	/**
	 * Reprocess dead tasks as QueueFlow does: the given ids, or, when there are none, the
	 * oldest {@code maxTasks}.
	 * @param ids the ids, may be empty
	 * @param maxTasks the most to retry when no ids are given
	 * @return the ids retried
	 */
	public List<String> reprocess(List<String> ids, int maxTasks) {
		return (ids == null || ids.isEmpty()) ? retryAll(maxTasks) : retry(ids);
	}

	/**
	 * Delete dead tasks and their data.
	 * @param ids the task ids
	 * @return how many were deleted
	 */
	public long delete(List<String> ids) {
		return ids.isEmpty() ? 0 : this.store.deleteDead(this.queue, ids);
	}

	/**
	 * Delete every dead task of the queue with its data. Works through the dead-letter
	 * set in bounded chunks, so a huge one does not block Redis; tasks that die while it
	 * runs may be deleted too.
	 * @return how many were deleted
	 */
	public long purge() {
		return this.admin.purgeDead(this.queue);
	}

}
