/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

/**
 * The moments in a task's life that listeners can observe.
 */
public enum ObserverEvent {

	/**
	 * The task was enqueued (on the enqueuing instance; a schedule's run on the instance
	 * that fired it).
	 */
	CREATED,

	/** An attempt started (on the worker's instance). */
	STARTED,

	/** A running attempt reported progress. */
	PROGRESS,

	/** The task completed. */
	COMPLETED,

	/** An attempt failed; {@link #RETRIED} or {@link #DEAD} follows. */
	FAILED,

	/** A failed task was scheduled for another attempt. */
	RETRIED,

	/** The task moved to the dead-letter queue. */
	DEAD

}
