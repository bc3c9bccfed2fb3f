/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import dev.cleo.queue.QueueException;

/**
 * A task method called inside a transaction was not enqueued: the transaction rolled
 * back, or the enqueue after its commit failed (the cause says why). The future such a
 * call returned completes exceptionally with it; the task never ran.
 */
public class TaskNotEnqueuedException extends QueueException {

	/**
	 * Create an exception.
	 * @param message which task and why
	 * @param cause what made the enqueue fail, or {@code null} after a rollback
	 */
	public TaskNotEnqueuedException(String message, Throwable cause) {
		super(message, cause);
	}

}
