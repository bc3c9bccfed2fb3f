/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

/**
 * Which instances' events a listener hears.
 */
public enum EventScope {

	/**
	 * What this instance did, delivered as it happens, on the thread that did it; no
	 * Redis reads.
	 */
	THIS_INSTANCE,

	/**
	 * What every instance did, read from the queues' event streams (history must be on),
	 * delivered on a follower thread of this instance, in order per queue; a {@code GAP}
	 * event says when events were trimmed away before the follower read them.
	 */
	ALL_INSTANCES

}
