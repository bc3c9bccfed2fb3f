/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.time.Instant;

/**
 * A snapshot of a task as stored in Redis.
 *
 * @param id the task id
 * @param queue the queue
 * @param name the task name
 * @param state the state
 * @param priority the numeric priority
 * @param attempts attempts started so far
 * @param maxAttempts the maximum number of attempts
 * @param createdAt when it was enqueued
 * @param runAt when it became or becomes due (the retry time after a failure)
 * @param startedAt when the latest attempt started, or {@code null}
 * @param finishedAt when it reached a final state, or {@code null}
 * @param worker the worker of the latest attempt, or {@code null}
 * @param lastError the error of the latest failed attempt, or {@code null}: a first line
 * saying what it failed with ({@code Class: message} for a handler's exception), then,
 * for an exception, a trimmed stack trace; cut after
 * {@code HistoryOptions.maxErrorLength()} characters (4,000 by default)
 * @param payloadJson the payload as JSON
 * @param resultJson the handler's result as JSON, or {@code null}
 * @param progress the last reported progress, or {@code null}
 * @param group the task's group, or {@code null}
 */
public record TaskInfo(String id, String queue, String name, TaskState state, int priority, int attempts,
		int maxAttempts, Instant createdAt, Instant runAt, Instant startedAt, Instant finishedAt, String worker,
		String lastError, String payloadJson, String resultJson, Integer progress, String group) {

}
