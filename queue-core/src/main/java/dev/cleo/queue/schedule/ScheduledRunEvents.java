/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.cleo.queue.event.ObserverEvent;
import dev.cleo.queue.event.TaskEvent;
import dev.cleo.queue.event.TaskEventBus;

/**
 * Publishes a {@code CREATED} event for each run a schedule enqueues on this manager (a
 * fired tick or a run now), as an enqueue through the manager does, so listeners such as
 * the enqueue counter see scheduled tasks too. Internal.
 */
final class ScheduledRunEvents {

	private final TaskEventBus events;

	private final Clock clock;

	ScheduledRunEvents(TaskEventBus events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Publish the runs a schedule enqueued.
	 * @param queue the schedule's queue
	 * @param task the task name of its runs
	 * @param ids the task ids of the runs enqueued
	 */
	void enqueued(String queue, String task, List<String> ids) {
		if (ids.isEmpty() || !this.events.hasListeners(ObserverEvent.CREATED)) {
			return;
		}
		Instant now = Instant.now(this.clock);
		ids.forEach(
				(id) -> this.events.publish(new TaskEvent(ObserverEvent.CREATED, queue, id, task, 0, now, null, null)));
	}

	/**
	 * Whether anyone listens, so a caller can skip reading what only the event needs.
	 * @return true when a {@code CREATED} listener is registered
	 */
	boolean wanted() {
		return this.events.hasListeners(ObserverEvent.CREATED);
	}

}
