/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

import java.util.EnumSet;
import java.util.Set;

/**
 * The moments in a task's life, and in its queue's, that listeners can observe. A
 * listener registered for this instance ({@code QueueManager.onTaskEvent(listener, ...)})
 * hears what this instance did; one that follows every instance
 * ({@link EventScope#ALL_INSTANCES}) hears every type, read from the queues' event
 * streams. {@link #STATUS_CHANGE}, {@link #TASK_COMPLETED} and {@link #TASK_FAILED} name
 * sets of the other types, to subscribe with; no event has them as its type.
 */
public enum ObserverEvent {

	/**
	 * The task was enqueued (on the enqueuing instance; a schedule's run on the instance
	 * that fired it).
	 */
	CREATED,

	/** An attempt started (on the worker's instance). */
	STARTED,

	/** A running attempt reported progress; the detail is the percentage. */
	PROGRESS,

	/**
	 * The task completed; followed across instances, the detail is its result when short.
	 */
	COMPLETED,

	/** An attempt failed; {@link #RETRIED} or {@link #DEAD} follows. */
	FAILED,

	/** A failed task was scheduled for another attempt. */
	RETRIED,

	/** The task moved to the dead-letter queue. */
	DEAD,

	/** The task expired before it started (its TTL). Across instances only. */
	EXPIRED,

	/** The task was cancelled, waiting or running. Across instances only. */
	CANCELLED,

	/** A full group dropped the task (overflow drop-oldest). Across instances only. */
	DROPPED,

	/**
	 * A group of the queue was paused, resumed, merged, split or had a setting changed;
	 * the detail says which. Across instances only.
	 */
	GROUP_CHANGE,

	/**
	 * The queue was paused or resumed, or a worker pool joined or left it; the detail
	 * says which. Across instances only.
	 */
	QUEUE_CHANGE,

	/**
	 * A follower missed events: the queue's stream was trimmed past its place. The detail
	 * says how many stream entries were missed. Across instances only.
	 */
	GAP,

	/** Subscribes to every change of a task's state: created to dead. */
	STATUS_CHANGE,

	/** Subscribes to {@link #COMPLETED}, the seed's name for it. */
	TASK_COMPLETED,

	/** Subscribes to {@link #FAILED}, the seed's name for it. */
	TASK_FAILED;

	private static final Set<ObserverEvent> STATES = EnumSet.of(CREATED, STARTED, COMPLETED, FAILED, RETRIED, DEAD,
			EXPIRED, CANCELLED, DROPPED);

	/**
	 * The types a subscription to this one receives.
	 * @return itself, or the types it names
	 */
	public Set<ObserverEvent> types() {
		return switch (this) {
			case STATUS_CHANGE -> STATES;
			case TASK_COMPLETED -> EnumSet.of(COMPLETED);
			case TASK_FAILED -> EnumSet.of(FAILED);
			default -> EnumSet.of(this);
		};
	}

	/**
	 * Whether events of this type exist (it is no name for a set of others).
	 * @return true for a type an event can have
	 */
	public boolean isConcrete() {
		return this != STATUS_CHANGE && this != TASK_COMPLETED && this != TASK_FAILED;
	}

}
