/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

/**
 * A lease a heartbeat found lost, and why.
 *
 * @param token the lease token of the attempt
 * @param reason why it was lost
 */
public record LostLease(String token, Reason reason) {

	/**
	 * Whether the task has no future at all, so its handler should stop now rather than
	 * finish work nobody will record.
	 * @return true when the task was cancelled or removed
	 */
	public boolean taskEnded() {
		return this.reason != Reason.EXPIRED;
	}

	/** Why a lease was lost. */
	public enum Reason {

		/** The lease expired (or was handed back): the task runs again elsewhere. */
		EXPIRED,

		/** The task was cancelled while it ran. */
		CANCELLED,

		/** The task no longer exists: its queue was removed. */
		REMOVED;

		static Reason of(String word) {
			return switch (word) {
				case "cancelled" -> CANCELLED;
				case "gone" -> REMOVED;
				default -> EXPIRED;
			};
		}

	}

}
