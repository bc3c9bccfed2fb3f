/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

/**
 * One group's statistics across every instance, as {@link TaskGroup#stats()} reads them.
 * The counts and durations are kept by the script that records each attempt's end, since
 * the group's first attempt ended or since its stats last expired: they expire when no
 * attempt of the group has ended for the completed-task retention age (at least an hour),
 * and start again from zero with the next one. A lease that expired (its worker died)
 * counts as a failed attempt that lasted until it was reaped.
 *
 * @param group the group
 * @param waiting its tasks waiting to start now
 * @param active its tasks running now
 * @param completed its tasks that completed
 * @param failedAttempts its attempts that failed: both those followed by a retry and the
 * last ones of tasks that ended dead
 * @param dead its tasks that ended dead (each one's last failed attempt is also in
 * {@code failedAttempts})
 * @param averageDurationMillis the mean duration of its ended attempts (completed or
 * failed), in milliseconds, from the lease's start to the recorded outcome; 0 when none
 * ended
 * @param p95DurationMillis the 95th percentile of the same durations in milliseconds,
 * interpolated in a histogram of 4 buckets per doubling (so within about 19%); 0 when
 * none ended
 * @param completedPerMinute completions per minute averaged over the last 60 to 70
 * seconds (six whole 10-second slots and the current one)
 */
public record GroupStats(String group, long waiting, long active, long completed, long failedAttempts, long dead,
		double averageDurationMillis, double p95DurationMillis, double completedPerMinute) {

	/**
	 * The attempts whose end was recorded: completed ones and failed ones.
	 * @return {@code completed + failedAttempts}
	 */
	public long endedAttempts() {
		return this.completed + this.failedAttempts;
	}

}
