/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * Redis did not answer in time or could not be reached. When thrown from an enqueue, the
 * task was not acknowledged by Redis; retry it with the same deduplication id to be safe
 * from doubles.
 */
public class QueueUnavailableException extends QueueException {

	/**
	 * Create an exception.
	 * @param message what could not be done
	 * @param cause the cause
	 */
	public QueueUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
