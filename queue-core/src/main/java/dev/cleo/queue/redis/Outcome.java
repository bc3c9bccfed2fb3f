/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.List;

import dev.cleo.queue.Texts;

/**
 * The outcome of one attempt, to be recorded by the ack script if its token still holds
 * the lease.
 *
 * @param queue the queue
 * @param id the task id
 * @param token the lease token of the attempt
 * @param kind what happened
 * @param data the result JSON for a completion (may be empty), else the error text
 * @param retryAtMillis when to retry if attempts remain (failures), or when to run again
 * (a hand-back)
 */
public record Outcome(String queue, String id, String token, Kind kind, String data, long retryAtMillis) {

	/**
	 * The most characters of an error text stored with a task whatever is configured; a
	 * longer one is cut, with a marker saying how much was left out. Every error (a
	 * handler's exception with its trimmed stack trace, a timeout, an expired lease, an
	 * unknown handler, an unreadable payload) passes here on its way to the task's
	 * {@code error} field and its attempt's record; the worker cuts it to the configured
	 * length before ({@code HistoryOptions.maxErrorLength}, 4,000 by default).
	 */
	public static final int MAX_ERROR_LENGTH = 64_000;

	/**
	 * Bound the error text of a failure.
	 */
	public Outcome {
		if (kind != Kind.COMPLETED) {
			data = Texts.bounded(data, MAX_ERROR_LENGTH);
		}
	}

	/** Append the 5 values the ack script reads per outcome, in its order. */
	void addArgs(List<String> args) {
		args.add(this.id);
		args.add(this.token);
		args.add(this.kind.code());
		args.add((this.data != null) ? this.data : "");
		args.add(Long.toString(this.retryAtMillis));
	}

	/** What happened in an attempt. */
	public enum Kind {

		/** The handler returned. */
		COMPLETED("c"),

		/** The handler failed; the task retries while attempts remain. */
		FAILED("f"),

		/**
		 * The attempt ran past its timeout; as {@link #FAILED}, recorded as timed out.
		 */
		TIMED_OUT("t"),

		/**
		 * The attempt's worker stopped renewing its lease (found by the reaper); as
		 * {@link #FAILED}, recorded as lease expired.
		 */
		LEASE_EXPIRED("l"),

		/** The task can never succeed; it goes to the dead-letter queue at once. */
		UNRECOVERABLE("x"),

		/**
		 * No handler for the task's name on this worker: the task goes back, delayed, for
		 * another worker, and the attempt does not count.
		 */
		HANDED_BACK("r");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		String code() {
			return this.code;
		}

		/**
		 * Whether the task retries after this kind while attempts remain.
		 * @return true for {@link #FAILED}, {@link #TIMED_OUT} and {@link #LEASE_EXPIRED}
		 */
		public boolean retries() {
			return this == FAILED || this == TIMED_OUT || this == LEASE_EXPIRED;
		}

	}

}
