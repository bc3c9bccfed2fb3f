/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

/**
 * What a schedule does with ticks nobody fired in time, because every instance was down
 * or busy. A tick is missed when a later tick is due too, or when it is later than the
 * schedule's misfire threshold. Applies to cron and fixed-rate schedules; a fixed-delay
 * schedule always runs once when it comes due.
 */
public enum MisfirePolicy {

	/** None of the missed ticks runs; the schedule goes on at its next future tick. */
	SKIP,

	/**
	 * One run, stamped with the latest missed tick, stands for all of them (the default).
	 */
	FIRE_ONCE,

	/**
	 * One run per missed tick, the latest {@link Schedule#catchUpMax() maximum} of them;
	 * older ones are skipped.
	 */
	CATCH_UP

}
