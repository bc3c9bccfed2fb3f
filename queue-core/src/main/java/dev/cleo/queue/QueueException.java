/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * Base of Cleo's unchecked exceptions; messages name the queue, task and state involved.
 */
public class QueueException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what went wrong and, where it helps, what to do
	 */
	public QueueException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message what went wrong and, where it helps, what to do
	 * @param cause the cause
	 */
	public QueueException(String message, Throwable cause) {
		super(message, cause);
	}

}
