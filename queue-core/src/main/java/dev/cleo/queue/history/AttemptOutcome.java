/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.util.Arrays;

/**
 * How one attempt of a task ended. What the task did next (retry, dead letter) is told
 * apart: {@link TaskAttempt#retried()} and {@link TaskAttempt#dead()}.
 */
public enum AttemptOutcome {

	/** The handler returned. */
	COMPLETED("c"),

	/** The handler threw (or its result or payload could not be handled). */
	FAILED("f"),

	/** The attempt ran past its timeout and was interrupted. */
	TIMED_OUT("t"),

	/** The attempt's worker stopped renewing its lease (crashed, cut off, frozen). */
	LEASE_EXPIRED("l"),

	/** The task was cancelled while the attempt ran. */
	CANCELLED("k");

	private final String code;

	AttemptOutcome(String code) {
		this.code = code;
	}

	/** The code the scripts record. */
	String code() {
		return this.code;
	}

	/**
	 * Whether the attempt failed: {@link #FAILED}, {@link #TIMED_OUT} or
	 * {@link #LEASE_EXPIRED}.
	 * @return whether it failed
	 */
	public boolean isFailure() {
		return this == FAILED || this == TIMED_OUT || this == LEASE_EXPIRED;
	}

	static AttemptOutcome ofCode(String code) {
		return Arrays.stream(values())
			.filter((outcome) -> outcome.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown attempt outcome code " + code));
	}

}
