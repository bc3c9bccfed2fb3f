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

	private final T value;

	/**
	 * The return value of a {@code @Task} method declared to return
	 * {@code TaskHandle<T>}: the worker stores {@code value} as the task's result, and
	 * the caller's handle reads it back (as {@code CompletableFuture.completedFuture}
	 * does for {@code @Async}). Such a handle only carries the value: it names no task.
	 * @param <T> the result type
	 * @param value the result, or {@code null}
	 * @return a handle carrying the value
	 */
	public static <T> TaskHandle<T> completed(T value) {
		return new TaskHandle<>(value);
	}

	private TaskHandle(T value) {
		this.manager = null;
		this.queue = null;
		this.id = null;
		this.duplicate = false;
		this.resultType = null;
		this.value = value;
	}

	TaskHandle(QueueManager manager, String queue, String id, boolean duplicate, Type resultType) {
		this.manager = manager;
		this.queue = queue;
		this.id = id;
		this.duplicate = duplicate;
		this.resultType = resultType;
		this.value = null;
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
		return bound().task(this.queue, this.id);
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
		if (isCompletedValue()) {
			return Optional.ofNullable(this.value);
		}
		return info().filter((task) -> task.state() == TaskState.COMPLETED && task.resultJson() != null)
			.map((task) -> this.manager.serializer().read(task.resultJson(), this.resultType));
	}

	/**
	 * A future that completes when the task ends, whichever instance ran it: with the
	 * result when it completed ({@code null} without one), or exceptionally with
	 * {@link TaskFailedException} when it went dead, expired, was cancelled or was
	 * dropped from a full group. Tasks enqueued with
	 * {@link TaskOptions#notifyOnFinish(boolean)} are announced by Redis the moment they
	 * end; others are found by a periodic check.
	 * @return the future; cancelling it stops waiting, not the task
	 */
	public CompletableFuture<T> completion() {
		return bound().completion(this.queue, this.id, this.resultType);
	}

	/**
	 * Cancel the task, whether it waits or runs (see
	 * {@link QueueManager#cancel(String, String)}).
	 * @return true when it is now cancelled; false when it had finished already or is
	 * gone
	 */
	public boolean cancel() {
		return bound().cancel(this.queue, this.id);
	}

	/**
	 * The same task with its result read as another type.
	 * @param <R> the result type
	 * @param type the result type
	 * @return a handle that reads results as {@code type}
	 */
	public <R> TaskHandle<R> withResultType(Type type) {
		return new TaskHandle<>(bound(), this.queue, this.id, this.duplicate, type);
	}

	/**
	 * Whether this handle only carries a value ({@link #completed(Object)}) and names no
	 * task.
	 * @return true for a value handle
	 */
	public boolean isCompletedValue() {
		return this.manager == null;
	}

	private QueueManager bound() {
		if (this.manager == null) {
			throw new IllegalStateException("TaskHandle.completed(..) only carries a @Task method's result back to "
					+ "its worker; it names no task to look up");
		}
		return this.manager;
	}

	@Override
	public String toString() {
		return isCompletedValue() ? "TaskHandle[completed value]"
				: "TaskHandle[queue=" + this.queue + ", id=" + this.id + "]";
	}

}
