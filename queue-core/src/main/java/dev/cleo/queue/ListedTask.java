/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * A task on a page of a listing by state, with what that state adds to it.
 *
 * @param task the task as stored
 * @param dueAt for a delayed task, when it becomes due (for a failed one, its retry
 * time); otherwise {@code null}
 * @param owner for an active task, the worker that holds its lease as stored:
 * {@code <instance id>/<pool name>}; otherwise {@code null}
 * @param running for an active task, how long its current attempt has run when the page
 * was read; otherwise {@code null}
 */
public record ListedTask(TaskInfo task, Instant dueAt, String owner, Duration running) {

	/**
	 * The instance of the lease owner.
	 * @return the part of {@link #owner()} before its last {@code /}, or {@code null}
	 */
	public String ownerInstance() {
		int slash = (this.owner != null) ? this.owner.lastIndexOf('/') : -1;
		return (slash >= 0) ? this.owner.substring(0, slash) : this.owner;
	}

	/**
	 * The worker pool of the lease owner.
	 * @return the part of {@link #owner()} after its last {@code /}, or {@code null}
	 */
	public String ownerPool() {
		int slash = (this.owner != null) ? this.owner.lastIndexOf('/') : -1;
		return (slash >= 0) ? this.owner.substring(slash + 1) : null;
	}

}
