/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.redis;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.cleo.queue.QueueCounts;
import dev.cleo.queue.Retention;
import dev.cleo.queue.TaskInfo;
import dev.cleo.queue.TaskListRequest;
import dev.cleo.queue.TaskPage;
import dev.cleo.queue.TaskState;

/**
 * The one narrow door between the engine and Redis: every state change is one atomic
 * script call, so nothing outside this package builds keys or commands. Times come from
 * the store's clock and are passed to the scripts. Synchronous methods wait at most the
 * command timeout and throw {@link dev.cleo.queue.QueueUnavailableException} when Redis
 * does not answer.
 */
public interface TaskStore {

	/**
	 * Store new tasks and index them as ready or delayed, honouring deduplication ids and
	 * group sizes.
	 * @param queue the queue
	 * @param tasks the tasks
	 * @param allOrNothing true when a task refused by a full group refuses the whole
	 * batch (one caller's batch), false when each task stands alone (several callers'
	 * tasks sent together)
	 * @return per task, what was done with it
	 */
	CompletableFuture<List<EnqueueResult>> enqueue(String queue, List<NewTask> tasks, boolean allOrNothing);

	/**
	 * Promote due delayed tasks, then lease up to {@code count} ready tasks to
	 * {@code worker}.
	 */
	ClaimBatch claim(String queue, int count, Duration lease, String worker);

	/**
	 * Record attempt outcomes (all of one queue), fenced by their tokens, and apply
	 * retention.
	 */
	List<AckResult> ack(String queue, List<Outcome> outcomes, Retention retention);

	/**
	 * The same as {@link #claim}, without waiting; fails with QueueUnavailableException
	 * on timeout.
	 */
	CompletableFuture<ClaimBatch> claimAsync(String queue, int count, Duration lease, String worker);

	/**
	 * The same as {@link #ack}, without waiting; fails with QueueUnavailableException on
	 * timeout.
	 */
	CompletableFuture<List<AckResult>> ackAsync(String queue, List<Outcome> outcomes, Retention retention);

	/**
	 * Extend leases still held; returns the leases that were lost, each with why (a
	 * cancelled or removed task's handler should stop).
	 */
	List<LostLease> extend(String queue, List<Lease> leases, Duration lease);

	/** Find up to {@code limit} leases past their deadline. */
	List<ExpiredLease> expiredLeases(String queue, int limit);

	/**
	 * Hand leases back: the tasks are ready again at once and the attempt does not count.
	 */
	int release(String queue, List<Lease> leases);

	/**
	 * Record progress (with its stage, may be null) and/or a log line for a running
	 * attempt, if its lease still holds.
	 */
	CompletableFuture<Boolean> report(String queue, Lease lease, Integer progress, String stage, String logLine,
			int maxLogLines);

	/**
	 * Cancel a waiting, delayed, failed or running task (a running one is fenced off its
	 * worker); returns the state that prevented it, if any.
	 */
	CancelResult cancel(String queue, String id);

	/** Read one task. */
	Optional<TaskInfo> find(String queue, String id);

	/**
	 * Read the state, result and error of tasks in one call (a missing task has none).
	 */
	CompletableFuture<List<TaskEnd>> ends(String queue, List<String> ids);

	/** The pub/sub channel that announces the end of tasks stored with notify. */
	String finishedChannel(String queue);

	/** Read a task's log lines, oldest first. */
	List<String> logs(String queue, String id);

	/** Read dead tasks, newest first. */
	List<TaskInfo> dead(String queue, int offset, int limit);

	/**
	 * Read a page of the tasks in a state ({@link dev.cleo.queue.QueueTasks} says which
	 * states and orders), after the request's cursor.
	 * @throws dev.cleo.queue.InvalidTaskOptionException when the cursor is not one of
	 * this state and order
	 */
	TaskPage list(String queue, TaskState state, TaskListRequest request);

	/**
	 * Move dead tasks back to ready: the given ids, or the oldest {@code max} when none
	 * are given.
	 */
	List<String> retryDead(String queue, List<String> ids, int max);

	/** Delete dead tasks and their data. */
	long deleteDead(String queue, List<String> ids);

	/** Count the tasks of a queue by place. */
	QueueCounts counts(String queue);

	/**
	 * Count the tasks of several queues by place: every read is sent before any answer is
	 * awaited, and the whole is bounded by one command timeout.
	 * @return the counts by queue, in the order given (a queue named twice appears once)
	 */
	CompletableFuture<Map<String, QueueCounts>> countsAsync(Collection<String> queues);

	/**
	 * Put the wake-up marker back, for a worker that popped it but has no free slot to
	 * use it.
	 */
	CompletableFuture<Void> wakeAsync(String queue);

	/** The key blocked workers wait on for a queue. */
	String markerKey(String queue);

	/**
	 * The outcome of a cancel.
	 *
	 * @param cancelled whether the task is now cancelled
	 * @param found whether the task exists
	 * @param state the state that prevented the cancel, or {@code null}
	 * @param wasRunning whether it was running when it was cancelled
	 */
	record CancelResult(boolean cancelled, boolean found, String state, boolean wasRunning) {

	}

}
