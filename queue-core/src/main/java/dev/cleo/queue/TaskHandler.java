/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * The code behind a task name. It may return a value, which is stored as JSON with the
 * completed task; throwing fails the attempt (an {@link UnrecoverableTaskException} fails
 * the task for good).
 */
@FunctionalInterface
public interface TaskHandler {

	/**
	 * Run one attempt.
	 * @param context the task being run, its payload and its reporting hooks
	 * @return the result, or {@code null}
	 * @throws Exception to fail the attempt
	 */
	Object handle(TaskContext context) throws Exception;

}
