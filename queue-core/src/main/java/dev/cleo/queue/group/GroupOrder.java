/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

/**
 * The order in which one group's waiting tasks start. A task handed back (a lease
 * released on shutdown, a retry its group waits for) goes back to the head whatever the
 * order, so the group's order holds.
 */
public enum GroupOrder {

	/** Oldest first: the order they were enqueued in. */
	FIFO,

	/** Newest first. */
	LIFO,

	/** Higher task priority first, then oldest first. */
	PRIORITY

}
