/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

/**
 * A setting or a resource Cleo cannot start with: the message says what is wrong, naming
 * the properties involved, the action says what to do. {@link CleoStartupFailureAnalyzer}
 * turns it into Spring Boot's "Description / Action" report. Internal.
 */
final class CleoStartupException extends RuntimeException {

	private final String action;

	/**
	 * An exception with its fix.
	 * @param message what is wrong
	 * @param action what to do about it
	 * @param cause the underlying failure, or {@code null}
	 */
	CleoStartupException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/**
	 * @return what to do about it
	 */
	String getAction() {
		return this.action;
	}

}
