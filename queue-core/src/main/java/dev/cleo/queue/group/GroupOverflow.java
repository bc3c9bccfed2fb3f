/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

/**
 * What enqueueing does when a group already holds its maximum number of waiting tasks
 * ({@link QueueGroups#setMaxSize(int)}).
 */
public enum GroupOverflow {

	/** The new task is refused with a {@link GroupFullException}. */
	FAIL,

	/**
	 * The new task is stored and the group's oldest waiting task is dropped (ends in
	 * state {@link dev.cleo.queue.TaskState#DROPPED}); under {@link GroupOrder#PRIORITY}
	 * the oldest of the lowest priority waiting, the task that would have run last.
	 */
	DROP_OLDEST

}
