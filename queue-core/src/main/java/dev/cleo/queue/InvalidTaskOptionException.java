/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * An option, name or argument outside what is allowed. The message names the option, the
 * value given and the allowed range.
 */
public class InvalidTaskOptionException extends QueueException {

	/**
	 * Create an exception.
	 * @param message the option, the value and what is allowed
	 */
	public InvalidTaskOptionException(String message) {
		super(message);
	}

	/**
	 * Create an exception with its cause.
	 * @param message the option, the value and what is allowed
	 * @param cause what refused the value
	 */
	public InvalidTaskOptionException(String message, Throwable cause) {
		super(message, cause);
	}

}
