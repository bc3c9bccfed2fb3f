/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.Texts;

/**
 * A job as {@code GET /api/jobs/{id}} shows it; times are epoch milliseconds, the status
 * a lower-case word ({@code waiting}, {@code active}, {@code completed}, ...).
 *
 * @param jobId the job id
 * @param queue the queue
 * @param type the task name
 * @param status the state
 * @param priority the numeric priority
 * @param attempts attempts started so far
 * @param maxAttempts the most attempts it may have
 * @param result the handler's result (JSON), once completed
 * @param error the error of the latest failed attempt, cut to {@value #MAX_ERROR_LENGTH}
 * characters
 * @param progress the last reported progress in percent
 * @param createdAt when it was enqueued
 * @param runAt when it became or becomes due
 * @param startedAt when its latest attempt started
 * @param finishedAt when it reached a final state
 * @param logs the lines its handler logged ({@code TaskContext.log}), oldest first, as
 * many as the task keeps
 */
public record JobView(String jobId, String queue, String type, String status, int priority, int attempts,
		int maxAttempts, @JsonRawValue @Nullable String result, @Nullable String error, @Nullable Integer progress,
		@Nullable Long createdAt, @Nullable Long runAt, @Nullable Long startedAt, @Nullable Long finishedAt,
		List<String> logs) {

	/**
	 * The most characters of a job's error shown: a handler's message may be as long as
	 * it likes, and may repeat its payload.
	 */
	public static final int MAX_ERROR_LENGTH = 1000;

	static JobView of(TaskInfo task, List<String> logs) {
		String result = (task.resultJson() == null || task.resultJson().isEmpty()) ? null : task.resultJson();
		return new JobView(task.id(), task.queue(), task.name(), task.state().value(), task.priority(), task.attempts(),
				task.maxAttempts(), result, error(task.lastError()), task.progress(), millis(task.createdAt()),
				millis(task.runAt()), millis(task.startedAt()), millis(task.finishedAt()), List.copyOf(logs));
	}

	private static @Nullable String error(@Nullable String error) {
		return Texts.bounded(error, MAX_ERROR_LENGTH);
	}

	private static @Nullable Long millis(@Nullable Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

}
