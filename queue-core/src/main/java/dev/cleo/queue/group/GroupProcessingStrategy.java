/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

/**
 * How a queue chooses the group whose task runs next, among the groups with waiting tasks
 * and a free slot. Choosing costs O(log n) in the number of groups.
 */
public enum GroupProcessingStrategy {

	/** Each group takes a turn; a group that ran a task goes to the back of the line. */
	ROUND_ROBIN,

	/** The group whose next task is the oldest goes first. */
	FIFO,

	/**
	 * The group with the highest priority ({@link TaskGroup#setPriority(int)}) goes
	 * first; groups of equal priority take turns.
	 */
	PRIORITY

}
