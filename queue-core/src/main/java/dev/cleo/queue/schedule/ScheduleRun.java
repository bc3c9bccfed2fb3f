/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import java.time.Instant;

import dev.cleo.queue.TaskState;

/**
 * The last run a schedule enqueued.
 *
 * @param tick the tick it stands for (for a run triggered by hand, when it was asked for)
 * @param firedAt when it was enqueued, by Redis's clock
 * @param taskId its task id
 * @param state its task's state, or {@code null} once retention removed the task
 */
public record ScheduleRun(Instant tick, Instant firedAt, String taskId, TaskState state) {

}
