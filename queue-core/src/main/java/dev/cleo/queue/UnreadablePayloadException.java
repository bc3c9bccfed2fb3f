/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * A payload or result could not be converted. A task whose payload cannot be read goes
 * straight to the dead-letter queue with this message: retrying cannot help.
 */
public class UnreadablePayloadException extends QueueException {

	/**
	 * Create an exception.
	 * @param message what could not be read, and as what
	 * @param cause the cause
	 */
	public UnreadablePayloadException(String message, Throwable cause) {
		super(message, cause);
	}

}
