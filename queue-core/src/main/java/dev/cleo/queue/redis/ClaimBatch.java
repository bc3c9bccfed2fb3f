/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.util.List;

/**
 * The tasks one claim took, and when to look again if it took fewer than asked.
 *
 * @param tasks the leased tasks
 * @param nextDueMillis the due time of the earliest delayed task or the end of the
 * earliest rate-limited group's window, {@link #MORE_READY} when the claim was full (more
 * may be ready), or {@link #NOTHING_DELAYED}
 */
public record ClaimBatch(List<ClaimedTask> tasks, long nextDueMillis) {

	/** The claim took all it asked for; ready tasks may remain. */
	public static final long MORE_READY = -1;

	/** Nothing is delayed: only an enqueue can bring new work. */
	public static final long NOTHING_DELAYED = -2;

}
