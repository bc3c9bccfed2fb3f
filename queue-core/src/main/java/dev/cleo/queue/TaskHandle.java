/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A reference to an enqueued task: its id, its current state and result, and a way to
 * cancel it. Every method other than the accessors reads Redis.
 *
 * @param <T> the type of the task's result
 */
public final class TaskHandle<T> {

	private final QueueManager manager;

	private final String queue;

	private final String id;

	private final boolean duplicate;

	private final Type resultType;

	TaskHandle(QueueManager manager, String queue, String id, boolean duplicate, Type resultType) {
		this.manager = manager;
		this.queue = queue;
		this.id = id;
		this.duplicate = duplicate;
		this.resultType = resultType;
	}

	/**
	 * @return the task id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * @return the queue
	 */
	public String queue() {
		return this.queue;
	}

	/**
	 * Whether the enqueue found an earlier task with the same deduplication id and
	 * returned it instead of creating one.
	 * @return true for a duplicate
	 */
	public boolean isDuplicate() {
		return this.duplicate;
	}

	/**
	 * Read the task.
	 * @return the task, or empty once retention removed it
	 */
	public Optional<TaskInfo> info() {
		return this.manager.task(this.queue, this.id);
	}

	/**
	 * Read the task's state.
	 * @return the state, or empty once retention removed the task
	 */
	public Optional<TaskState> state() {
		return info().map(TaskInfo::state);
	}

	/**
	 * Read the task's result.
	 * @return the result once the task completed with one, else empty
	 */
	public Optional<T> result() {
		return info().filter((task) -> task.state() == TaskState.COMPLETED && task.resultJson() != null)
			.map((task) -> this.manager.serializer().read(task.resultJson(), this.resultType));
	}

	/**
	 * A future that completes when the task ends, whichever instance ran it: with the
	 * result when it completed ({@code null} without one), or exceptionally with
	 * {@link TaskFailedException} when it went dead, expired or was cancelled. Tasks
	 * enqueued with {@link TaskOptions#notifyOnFinish(boolean)} are announced by Redis
	 * the moment they end; others are found by a periodic check.
	 * @return the future; cancelling it stops waiting, not the task
	 */
	public CompletableFuture<T> completion() {
		return this.manager.completion(this.queue, this.id, this.resultType);
	}

	/**
	 * Cancel the task if it has not started.
	 * @return true when it is now cancelled; false when it already started, finished or
	 * is gone
	 */
	public boolean cancel() {
		return this.manager.cancel(this.queue, this.id);
	}

	/**
	 * The same task with its result read as another type.
	 * @param <R> the result type
	 * @param type the result type
	 * @return a handle that reads results as {@code type}
	 */
	public <R> TaskHandle<R> withResultType(Type type) {
		return new TaskHandle<>(this.manager, this.queue, this.id, this.duplicate, type);
	}

	@Override
	public String toString() {
		return "TaskHandle[queue=" + this.queue + ", id=" + this.id + "]";
	}

}
