/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import dev.cleo.queue.TaskOptions;

/**
 * What task methods take from configuration: what they inherit before their annotations
 * apply, and the per-task settings that beat the annotations. The auto-configuration's
 * merged {@code cleo.*} settings implement it, so that this package needs nothing from
 * the one that reads properties.
 */
public interface TaskMethodDefaults {

	/**
	 * The options of a queue's tasks before any annotation applies.
	 * @param queue the queue
	 * @return the options, with the queue set
	 */
	TaskOptions taskOptions(String queue);

	/**
	 * A task's options with the configuration that names the task, which beats its
	 * annotations.
	 * @param taskId the task id
	 * @param annotated the options its annotations and queue resolve to
	 * @return the options to use
	 */
	TaskOptions overrideTask(String taskId, TaskOptions annotated);

	/**
	 * @return what annotated schedules inherit
	 */
	ScheduleDefaults schedules();

	/**
	 * Whether task methods whose {@code @Task} does not say enqueue a call made inside a
	 * transaction only when it commits.
	 * @return {@code cleo.defaults.enqueue-after-commit}
	 */
	default boolean enqueueAfterCommit() {
		return true;
	}

}
