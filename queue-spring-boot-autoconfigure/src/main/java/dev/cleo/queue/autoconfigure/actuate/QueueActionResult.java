/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

/**
 * What an administrative action of the {@code queues} endpoint did; a refused action
 * answers a {@link QueueProblem} instead.
 *
 * @param queue the queue
 * @param action the action: one of the {@code POST} actions, or {@code remove} for
 * {@code DELETE}
 * @param affected how many tasks it retried, purged, cancelled or removed, or for a
 * schedule action whether it changed the schedule (1) or found it so already (0); 0 for
 * pause and resume
 * @param schedule the schedule a schedule action named, or {@code null}
 * @param taskId the task {@code cancel} cancelled or the run {@code trigger-schedule}
 * enqueued, or {@code null}
 */
public record QueueActionResult(String queue, String action, long affected, @Nullable String schedule,
		@Nullable String taskId) {

	/** The action name of {@code DELETE /actuator/queues/{name}}. */
	static final String REMOVE = "remove";

	static QueueActionResult done(String queue, QueueAction action, long affected) {
		return new QueueActionResult(queue, action.value(), affected, null, null);
	}

	static QueueActionResult cancelled(String queue, String taskId) {
		return new QueueActionResult(queue, QueueAction.CANCEL.value(), 1, null, taskId);
	}

	static QueueActionResult removed(String queue, long tasks) {
		return new QueueActionResult(queue, REMOVE, tasks, null, null);
	}

	static QueueActionResult scheduled(String queue, QueueAction action, String schedule, long affected) {
		return new QueueActionResult(queue, action.value(), affected, schedule, null);
	}

	static QueueActionResult triggered(String queue, String schedule, String taskId) {
		return new QueueActionResult(queue, QueueAction.TRIGGER_SCHEDULE.value(), 1, schedule, taskId);
	}

}
