/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.ListedTask;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.Texts;

/**
 * A job on a page of {@code GET /api/tasks}: times are ISO-8601 instants. The payload and
 * result are left out, so a page stays small; {@code GET /api/jobs/{id}} has the result.
 *
 * @param jobId the job id
 * @param queue the queue
 * @param type the task name
 * @param status the state ({@code delayed} lists {@code failed} jobs waiting for their
 * retry too, {@code completed} lists {@code cancelled}, {@code expired} and
 * {@code dropped} ones)
 * @param group the group, or {@code null}
 * @param priority the numeric priority
 * @param attempts attempts started so far
 * @param maxAttempts the most attempts it may have
 * @param error the first line of the latest failed attempt's error, cut to
 * {@value #MAX_ERROR_LENGTH} characters, or {@code null}
 * @param createdAt when it was enqueued
 * @param runAt when it became or becomes due
 * @param startedAt when its latest attempt started
 * @param finishedAt when it reached a final state
 * @param dueAt for a delayed job, when it becomes due
 * @param owner for an active job, the worker holding its lease
 * ({@code <instance id>/<pool name>})
 * @param runningMs for an active job, how long its attempt has run
 */
public record ListedTaskView(String jobId, String queue, String type, String status, @Nullable String group,
		int priority, int attempts, int maxAttempts, @Nullable String error, @Nullable String createdAt,
		@Nullable String runAt, @Nullable String startedAt, @Nullable String finishedAt, @Nullable String dueAt,
		@Nullable String owner, @Nullable Long runningMs) {

	/** The most characters of an error's first line shown. */
	public static final int MAX_ERROR_LENGTH = 200;

	static ListedTaskView of(ListedTask listed) {
		TaskInfo task = listed.task();
		return new ListedTaskView(task.id(), task.queue(), task.name(), task.state().value(), task.group(),
				task.priority(), task.attempts(), task.maxAttempts(), firstLine(task.lastError()),
				iso(task.createdAt()), iso(task.runAt()), iso(task.startedAt()), iso(task.finishedAt()),
				iso(listed.dueAt()), listed.owner(), (listed.running() != null) ? listed.running().toMillis() : null);
	}

	private static @Nullable String firstLine(@Nullable String error) {
		if (error == null || error.isEmpty()) {
			return null;
		}
		int newline = error.indexOf('\n');
		return Texts.bounded((newline >= 0) ? error.substring(0, newline) : error, MAX_ERROR_LENGTH);
	}

	static @Nullable String iso(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
