/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * Thrown by a handler when retrying cannot help (invalid input, a permanent refusal): the
 * task goes to the dead-letter queue at once, whatever attempts remain.
 */
public class UnrecoverableTaskException extends QueueException {

	/**
	 * Create an exception.
	 * @param message why the task cannot succeed
	 */
	public UnrecoverableTaskException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message why the task cannot succeed
	 * @param cause the cause
	 */
	public UnrecoverableTaskException(String message, Throwable cause) {
		super(message, cause);
	}

}
