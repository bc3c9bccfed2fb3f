/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * Something that enqueues tasks; the worker uses it for child tasks.
 */
@FunctionalInterface
public interface TaskEnqueuer {

	/**
	 * Enqueue one task.
	 * @param request the task
	 * @return its handle
	 * @throws PayloadTooLargeException when its payload is over the manager's
	 * {@link QueueManager#maxPayloadSize() maximum}, before anything is sent
	 */
	TaskHandle<Object> enqueue(TaskRequest request);

}
