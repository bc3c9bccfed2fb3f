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
 * @param affected how many tasks it retried or purged (0 for pause and resume)
 * @param message why it did not run, or {@code null}
 */
public record QueueActionResult(String queue, String action, boolean done, long affected, @Nullable String message) {

	static QueueActionResult done(String queue, QueuesEndpoint.QueueAction action, long affected) {
		return new QueueActionResult(queue, action.value(), true, affected, null);
	}

	static QueueActionResult refused(String queue, String action, String message) {
		return new QueueActionResult(queue, action, false, 0, message);
	}

}
