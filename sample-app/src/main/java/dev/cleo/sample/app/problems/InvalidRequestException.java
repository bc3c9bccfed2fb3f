/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.problems;

/**
 * A request to one of the sample's endpoints outside what it accepts: 400. The message
 * names the field and what is allowed, never the value sent, so it can be shown to the
 * caller and cannot carry a forged log line or a 100 KB value.
 */
public class InvalidRequestException extends IllegalArgumentException {

	/**
	 * Create an exception.
	 * @param message the field and what it allows, such as
	 * {@code "customerId must be 1 to 100 characters without control characters"}
	 */
	public InvalidRequestException(String message) {
		super(message);
	}

}
