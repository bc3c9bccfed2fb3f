/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.EnumSet;
import java.util.Set;

import dev.cleo.queue.redis.TaskStore;

/**
 * The tasks of one queue listed by state, a page at a time: what a dashboard or a command
 * line shows. Each read is bounded by the page's limit and runs off the workers' path
 * (one read-only script call, then the tasks' hashes in one pipelined round).
 * <p>
 * What "oldest first" means per state:
 * <ul>
 * <li>{@link TaskState#WAITING}: the order the tasks run in. First the ungrouped tasks,
 * by priority then arrival; then the grouped ones, group by group: the groups in line in
 * the order of their turns, then the groups out of line (at their concurrency, out of
 * rate, held by a retry, paused, being split; the first 1000 names of each of these
 * registers) by name, each group's tasks in the group's order. Claims interleave groups
 * with ungrouped tasks, so this is the order within each side, not across them.</li>
 * <li>{@link TaskState#DELAYED}: soonest due first. Failed tasks waiting for their retry
 * ({@link TaskState#FAILED}) are listed here too.</li>
 * <li>{@link TaskState#ACTIVE}: the lease that runs out soonest first (heartbeats push
 * leases forward, so this is roughly the longest since its last heartbeat); each entry
 * has its owner and running time.</li>
 * <li>{@link TaskState#COMPLETED}: the recently finished ones, earliest finished first:
 * completed, and also cancelled, expired and dropped tasks (they are kept together until
 * retention trims them); each entry's {@link TaskInfo#state()} tells which.</li>
 * <li>{@link TaskState#DEAD}: earliest death first.</li>
 * </ul>
 * "Newest first" is the exact reverse.
 * <p>
 * Paging: a page goes on right after the last task of the page before, by that task's
 * place (its score in Redis and its id), not by an offset. So tasks that leave the state
 * between pages are simply absent, tasks that stay where they were are shown once and
 * never skipped, and tasks that arrive later in the order show up on later pages. A task
 * whose place changes between pages may show twice or not at all: an active task whose
 * lease a heartbeat extended, a waiting task whose group took its turn (the group gets a
 * new place in line), a task that left and came back (a retry).
 */
public final class QueueTasks {

	private static final Set<TaskState> LISTED = EnumSet.of(TaskState.WAITING, TaskState.ACTIVE, TaskState.DELAYED,
			TaskState.COMPLETED, TaskState.DEAD);

	private final TaskStore store;

	private final String queue;

	QueueTasks(TaskStore store, String queue) {
		this.store = store;
		this.queue = queue;
	}

	/**
	 * Read one page of the queue's tasks in a state.
	 * @param state {@code WAITING}, {@code ACTIVE}, {@code DELAYED} (with failed tasks
	 * waiting for their retry), {@code COMPLETED} (with cancelled, expired and dropped
	 * ones) or {@code DEAD}
	 * @param request the order, limit and cursor
	 * @return the page; empty, with no cursor, when no task is in the state
	 * @throws InvalidTaskOptionException when the state is not one of those or the cursor
	 * is not one that a page of this state and order handed out
	 * @throws QueueUnavailableException when Redis does not answer within the command
	 * timeout
	 */
	public TaskPage list(TaskState state, TaskListRequest request) {
		if (!LISTED.contains(state)) {
			throw new InvalidTaskOptionException("state must be waiting, active, delayed, completed or dead, was "
					+ ((state != null) ? state.value() : null)
					+ " (failed tasks are listed as delayed; cancelled, expired and dropped as completed)");
		}
		return this.store.list(this.queue, state, request);
	}

}
