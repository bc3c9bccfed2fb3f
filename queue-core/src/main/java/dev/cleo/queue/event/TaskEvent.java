/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.event;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened to a task.
 *
 * @param type what happened
 * @param queue the queue
 * @param taskId the task id
 * @param taskName the task name
 * @param attempt the attempt it happened in (0 for {@code CREATED})
 * @param at when it happened
 * @param detail the error for failures, the percentage for progress, else {@code null}
 * @param duration for {@code STARTED} the queue wait (from when the task became due: its
 * enqueue, run-at or retry time); for completions and failures the attempt's run time;
 * else {@code null}
 */
public record TaskEvent(ObserverEvent type, String queue, String taskId, String taskName, int attempt, Instant at,
		String detail, Duration duration) {

}
