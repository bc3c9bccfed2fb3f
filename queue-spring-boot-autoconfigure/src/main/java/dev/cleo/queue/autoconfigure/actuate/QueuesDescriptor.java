/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.util.List;

/**
 * What {@code GET /actuator/queues} answers: the application's queues in full, and the
 * other queues found in Redis under the key prefix by name only and bounded, so that the
 * answer stays small however many stray queues callers or other applications left.
 *
 * @param queues each queue the application knows (its task methods, handler beans,
 * {@code cleo.queues} and worker pools), by name
 * @param instances the instances whose worker pools serve any of them
 * @param otherQueues the other queues in Redis
 */
public record QueuesDescriptor(List<QueueDescriptor> queues, List<String> instances, OtherQueues otherQueues) {

	/**
	 * The queues in Redis that the application does not know: another application's, or
	 * strays to look at ({@code GET /actuator/queues/{name}}) and remove ({@code DELETE
	 * /actuator/queues/{name}}).
	 *
	 * @param count how many there are
	 * @param names the first {@value QueuesReader#OTHERS_LISTED} of them by name
	 */
	public record OtherQueues(int count, List<String> names) {

	}

}
