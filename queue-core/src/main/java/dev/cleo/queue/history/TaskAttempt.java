/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.history;

import java.time.Duration;
import java.time.Instant;

/**
 * One ended attempt of a task, as history recorded it.
 *
 * @param queue the queue
 * @param taskId the task's id
 * @param taskName the task's name ("" when the record does not carry it)
 * @param group the task's group, or {@code null}
 * @param attempt the attempt's number, from 1
 * @param worker the worker that ran it, {@code <instance id>/<pool name>}
 * @param startedAt when the attempt started
 * @param endedAt when it ended
 * @param queueWait how long the task waited to start, from when it was due (its enqueue,
 * run-at or retry time)
 * @param outcome how it ended
 * @param retried whether the task was scheduled for another attempt after it
 * @param dead whether the task went to the dead-letter queue after it
 * @param error the error of a failed attempt, else {@code null}
 * @param result the result's JSON of a completed attempt, when history kept it (a result
 * over 1,000 characters is kept with the task only), else {@code null}
 */
public record TaskAttempt(String queue, String taskId, String taskName, String group, int attempt, String worker,
		Instant startedAt, Instant endedAt, Duration queueWait, AttemptOutcome outcome, boolean retried, boolean dead,
		AttemptError error, String result) {

	/**
	 * How long the attempt ran.
	 * @return the duration
	 */
	public Duration duration() {
		return Duration.between(this.startedAt, this.endedAt);
	}

	/**
	 * The instance the attempt ran on: the worker id without its pool name.
	 * @return the instance id
	 */
	public String instance() {
		int slash = this.worker.lastIndexOf('/');
		return (slash >= 0) ? this.worker.substring(0, slash) : this.worker;
	}

}
