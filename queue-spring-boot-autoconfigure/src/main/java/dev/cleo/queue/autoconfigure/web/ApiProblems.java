/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

/**
 * The exceptions the HTTP API turns into problem details. Internal.
 */
final class ApiProblems {

	private ApiProblems() {
	}

	/** A job type that names no registered task: 400. */
	static final class UnknownJobTypeException extends RuntimeException {

		UnknownJobTypeException(String message) {
			super(message);
		}

	}

	/** A job that does not exist (or retention removed): 404. */
	static final class JobNotFoundException extends RuntimeException {

		JobNotFoundException(String message) {
			super(message);
		}

	}

}
