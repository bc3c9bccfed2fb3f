/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

import dev.cleo.queue.history.AttemptError;
import dev.cleo.queue.history.TaskAttempt;

/**
 * One ended attempt of a job, as {@code /api/history} and {@code /api/jobs/{id}/attempts}
 * show it: times are ISO-8601 instants, durations milliseconds, the outcome a lower-case
 * word ({@code completed}, {@code failed}, {@code timed_out}, {@code lease_expired},
 * {@code cancelled}).
 *
 * @param jobId the job (task) id
 * @param queue the queue
 * @param type the task name
 * @param group the job's group, or {@code null}
 * @param attempt the attempt's number, from 1
 * @param worker the worker that ran it, {@code <instance id>/<pool name>}
 * @param instance the instance that ran it
 * @param startedAt when it started
 * @param endedAt when it ended
 * @param durationMs how long it ran
 * @param queueWaitMs how long the job waited to start, from when it was due
 * @param outcome how it ended
 * @param retried whether the job was tried again after it
 * @param dead whether the job went to the dead-letter queue after it
 * @param error the error of a failed attempt, else {@code null}
 * @param result the handler's result (JSON) when history kept it, else {@code null}
 */
public record AttemptView(String jobId, String queue, String type, @Nullable String group, int attempt, String worker,
		String instance, String startedAt, String endedAt, long durationMs, long queueWaitMs, String outcome,
		boolean retried, boolean dead, @Nullable ErrorView error, @JsonRawValue @Nullable String result) {

	static AttemptView of(TaskAttempt attempt) {
		String result = (attempt.result() == null || attempt.result().isEmpty()) ? null : attempt.result();
		return new AttemptView(attempt.taskId(), attempt.queue(), attempt.taskName(), attempt.group(),
				attempt.attempt(), attempt.worker(), attempt.instance(), attempt.startedAt().toString(),
				attempt.endedAt().toString(), attempt.duration().toMillis(), attempt.queueWait().toMillis(),
				attempt.outcome().name().toLowerCase(Locale.ROOT), attempt.retried(), attempt.dead(),
				ErrorView.of(attempt.error()), result);
	}

	/**
	 * The error of a failed attempt.
	 *
	 * @param type the exception's class name, or {@code null} (a timeout, an expired
	 * lease)
	 * @param message its message
	 * @param trace the trimmed stack trace; {@code null} in {@code /api/history}, whose
	 * records keep the first line only ({@code /api/jobs/{id}/attempts} has it)
	 */
	public record ErrorView(@Nullable String type, String message, @Nullable String trace) {

		static @Nullable ErrorView of(@Nullable AttemptError error) {
			if (error == null) {
				return null;
			}
			String trace = (error.trace() == null || error.trace().isEmpty()) ? null : error.trace();
			return new ErrorView(error.type(), error.message(), trace);
		}

	}

}
