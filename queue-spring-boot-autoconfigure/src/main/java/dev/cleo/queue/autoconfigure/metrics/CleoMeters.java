/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

/**
 * The names of Cleo's meters and tags, in one place. Prometheus shows them with dots as
 * underscores and a unit suffix, for example {@code cleo_tasks_completed_total} and
 * {@code cleo_tasks_duration_seconds}.
 */
public final class CleoMeters {

	/** Counter: tasks enqueued by this instance. Tags: queue, task. */
	public static final String TASKS_ENQUEUED = "cleo.tasks.enqueued";

	/** Counter: attempts started on this instance. Tags: queue, task. */
	public static final String TASKS_STARTED = "cleo.tasks.started";

	/** Counter: tasks completed on this instance. Tags: queue, task. */
	public static final String TASKS_COMPLETED = "cleo.tasks.completed";

	/**
	 * Counter: failed attempts on this instance. Tags: queue, task, outcome (retried,
	 * dead).
	 */
	public static final String TASKS_FAILED = "cleo.tasks.failed";

	/** Counter: failed attempts scheduled for another try. Tags: queue, task. */
	public static final String TASKS_RETRIED = "cleo.tasks.retried";

	/** Counter: tasks moved to the dead-letter queue. Tags: queue, task. */
	public static final String TASKS_DEAD = "cleo.tasks.dead";

	/** Timer: run time of an attempt. Tags: queue, task, outcome (completed, failed). */
	public static final String TASKS_DURATION = "cleo.tasks.duration";

	/**
	 * Timer: time from due (enqueue, run-at or retry time) to start. Tags: queue, task.
	 */
	public static final String TASKS_WAIT = "cleo.tasks.wait";

	/** Gauge: tasks of a queue in Redis, by state. Tags: queue, state. */
	public static final String QUEUE_DEPTH = "cleo.queue.depth";

	/** Gauge: attempts running on this instance. Tags: queue. */
	public static final String WORKERS_ACTIVE = "cleo.workers.active";

	/**
	 * Gauge: a metered group's tasks in Redis, by state. Tags: queue, group, state
	 * (waiting, active).
	 */
	public static final String GROUP_TASKS = "cleo.group.tasks";

	/**
	 * Function counter: a metered group's completed tasks, cluster-wide. Tags: queue,
	 * group.
	 */
	public static final String GROUP_TASKS_COMPLETED = "cleo.group.tasks.completed";

	/**
	 * Function counter: a metered group's failed attempts, cluster-wide. Tags: queue,
	 * group, outcome (retried, dead).
	 */
	public static final String GROUP_TASKS_FAILED = "cleo.group.tasks.failed";

	/**
	 * Function timer: run time of a metered group's ended attempts, cluster-wide (count
	 * and sum; their rates give the mean over any window). Tags: queue, group.
	 */
	public static final String GROUP_TASKS_DURATION = "cleo.group.tasks.duration";

	/**
	 * Time gauge: the 95th percentile of a metered group's attempt durations since its
	 * stats began, cluster-wide. Tags: queue, group.
	 */
	public static final String GROUP_TASKS_DURATION_P95 = "cleo.group.tasks.duration.p95";

	/** Tag: the queue. */
	public static final String TAG_QUEUE = "queue";

	/** Tag: the task name. */
	public static final String TAG_TASK = "task";

	/** Tag: how an attempt ended. */
	public static final String TAG_OUTCOME = "outcome";

	/**
	 * Tag: the group, only on the {@code cleo.group.*} meters and only for the groups
	 * named in {@code cleo.queues.<name>.groups.metered-groups}, so its values are
	 * bounded.
	 */
	public static final String TAG_GROUP = "group";

	/** Tag: the state counted by {@link #QUEUE_DEPTH} and {@link #GROUP_TASKS}. */
	public static final String TAG_STATE = "state";

	private CleoMeters() {
	}

}
