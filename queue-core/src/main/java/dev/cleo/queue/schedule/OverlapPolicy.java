/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

/**
 * Whether a tick fires while the schedule's previous run has not ended.
 */
public enum OverlapPolicy {

	/** Every tick enqueues a run, however many earlier ones wait or run (the default). */
	ALLOW,

	/**
	 * A tick is skipped (and counted) while the previous run is waiting, running or
	 * waiting for a retry.
	 */
	SKIP_IF_RUNNING

}
