/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

/**
 * What a history query may ask for: attempts by how they ended, or by what their task did
 * next.
 */
public enum HistoryOutcome {

	/** Attempts whose handler returned. */
	COMPLETED,

	/** Attempts whose handler threw. */
	FAILED,

	/** Attempts that ran past their timeout. */
	TIMED_OUT,

	/** Attempts whose lease expired. */
	LEASE_EXPIRED,

	/** Attempts cancelled while they ran. */
	CANCELLED,

	/** Failed attempts after which the task was tried again. */
	RETRIED,

	/** Failed attempts after which the task went to the dead-letter queue. */
	DEAD;

	boolean matches(TaskAttempt attempt) {
		return switch (this) {
			case COMPLETED -> attempt.outcome() == AttemptOutcome.COMPLETED;
			case FAILED -> attempt.outcome() == AttemptOutcome.FAILED;
			case TIMED_OUT -> attempt.outcome() == AttemptOutcome.TIMED_OUT;
			case LEASE_EXPIRED -> attempt.outcome() == AttemptOutcome.LEASE_EXPIRED;
			case CANCELLED -> attempt.outcome() == AttemptOutcome.CANCELLED;
			case RETRIED -> attempt.retried();
			case DEAD -> attempt.dead();
		};
	}

}
