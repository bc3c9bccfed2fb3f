/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.metrics;

import java.util.Map;

/**
 * The names of Cleo's meters and tags, and their descriptions (Prometheus's HELP), in one
 * place. Prometheus shows them with dots as underscores and a unit suffix, for example
 * {@code cleo_tasks_completed_total} and {@code cleo_tasks_duration_seconds}. Meters fed
 * by this instance's events and pools are per instance (sum them across instances);
 * meters read from Redis show the same cluster-wide value on every instance (take the
 * {@code max} across instances, never the sum); each description says which.
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

	/**
	 * Tag: the queue; only queues the application knows, others as {@link #OTHER_QUEUE}.
	 */
	public static final String TAG_QUEUE = "queue";

	/**
	 * The {@code queue} tag of task events on queues the application does not know (a raw
	 * {@code QueueManager.enqueue} to a queue no task method, handler, pool or
	 * {@code cleo.queues} entry names): no queue name can contain parentheses, so it
	 * never stands for a real queue, and the number of series stays bounded.
	 */
	public static final String OTHER_QUEUE = "(other)";

	/**
	 * The {@code task} tag of the counters registered for each queue at start, before any
	 * task event: an empty value, which Prometheus treats as no label, so that rates and
	 * alerts see zero instead of no data.
	 */
	public static final String NO_TASK = "";

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

	private static final String PER_INSTANCE = " (per instance: sum across instances)";

	private static final String CLUSTER_WIDE = " (cluster-wide, the same on every instance: max across instances,"
			+ " never sum)";

	private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
			Map.entry(TASKS_ENQUEUED, "Tasks enqueued by this instance" + PER_INSTANCE),
			Map.entry(TASKS_STARTED, "Attempts started by this instance's workers" + PER_INSTANCE),
			Map.entry(TASKS_COMPLETED, "Tasks completed by this instance's workers" + PER_INSTANCE),
			Map.entry(TASKS_FAILED, "Failed attempts on this instance's workers, by outcome" + PER_INSTANCE),
			Map.entry(TASKS_RETRIED,
					"Failed attempts on this instance's workers that will be tried again" + PER_INSTANCE),
			Map.entry(TASKS_DEAD, "Tasks this instance's workers moved to the dead-letter queue" + PER_INSTANCE),
			Map.entry(TASKS_DURATION, "Run time of attempts on this instance's workers, by outcome" + PER_INSTANCE),
			Map.entry(TASKS_WAIT,
					"Time from a task's due time to the start of its attempt on this instance" + PER_INSTANCE),
			Map.entry(QUEUE_DEPTH,
					"Tasks of the queue in Redis, by state; NaN before the first reading and once"
							+ " Redis has not answered for cleo.metrics.depth-max-age" + CLUSTER_WIDE),
			Map.entry(WORKERS_ACTIVE, "Attempts running on this instance's workers" + PER_INSTANCE),
			Map.entry(GROUP_TASKS, "Tasks of the group in Redis, by state" + CLUSTER_WIDE),
			Map.entry(GROUP_TASKS_COMPLETED, "Tasks of the group completed on any instance" + CLUSTER_WIDE),
			Map.entry(GROUP_TASKS_FAILED, "Failed attempts of the group on any instance, by outcome" + CLUSTER_WIDE),
			Map.entry(GROUP_TASKS_DURATION, "Run time of the group's ended attempts on any instance" + CLUSTER_WIDE),
			Map.entry(GROUP_TASKS_DURATION_P95,
					"95th percentile of the group's attempt run times since its stats began" + CLUSTER_WIDE));

	private CleoMeters() {
	}

	/**
	 * The description of a meter, which Prometheus shows as its HELP.
	 * @param name one of the meter names above
	 * @return what it measures and how to aggregate it across instances
	 */
	public static String description(String name) {
		String description = DESCRIPTIONS.get(name);
		if (description == null) {
			throw new IllegalArgumentException("No Cleo meter is named '" + name + "'");
		}
		return description;
	}

}
