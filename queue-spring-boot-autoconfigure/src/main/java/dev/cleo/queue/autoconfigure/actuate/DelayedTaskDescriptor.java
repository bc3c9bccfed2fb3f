/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.actuate;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.cleo.queue.ListedTask;
import dev.cleo.queue.TaskInfo;

/**
 * A delayed task of a queue as the {@code queues} endpoint lists it: a one-off delay or
 * run-at time, or a retry waiting for its backoff.
 *
 * @param id the task id
 * @param task the task name
 * @param dueAt when it becomes due
 * @param attempts attempts run so far (more than 0 for a retry)
 * @param maxAttempts the most attempts it gets
 * @param group its group, or {@code null}
 */
public record DelayedTaskDescriptor(String id, String task, Instant dueAt, int attempts, int maxAttempts,
		@Nullable String group) {

	static DelayedTaskDescriptor of(ListedTask listed) {
		TaskInfo info = listed.task();
		return new DelayedTaskDescriptor(info.id(), info.name(), listed.dueAt(), info.attempts(), info.maxAttempts(),
				info.group());
	}

}
