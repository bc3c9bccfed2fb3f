/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of an administrative action of the {@code queues} endpoint.
 *
 * @param queue the queue
 * @param action the action asked for
 * @param done whether it ran
 * @param affected how many tasks it retried or purged, or for a schedule action whether
 * it changed the schedule (1) or found it so already (0); 0 for pause and resume
 * @param message why it did not run, or {@code null}
 * @param schedule the schedule a schedule action named, or {@code null}
 * @param taskId the task id of the run {@code trigger-schedule} enqueued, or {@code null}
 */
public record QueueActionResult(String queue, String action, boolean done, long affected, @Nullable String message,
		@Nullable String schedule, @Nullable String taskId) {

	static QueueActionResult done(String queue, QueueAction action, long affected) {
		return new QueueActionResult(queue, action.value(), true, affected, null, null, null);
	}

	static QueueActionResult scheduled(String queue, QueueAction action, String schedule, long affected,
			@Nullable String taskId) {
		return new QueueActionResult(queue, action.value(), true, affected, null, schedule, taskId);
	}

	static QueueActionResult refused(String queue, String action, String message) {
		return new QueueActionResult(queue, action, false, 0, message, null, null);
	}

}
