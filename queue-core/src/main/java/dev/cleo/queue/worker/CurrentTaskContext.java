/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.Optional;

import dev.cleo.queue.TaskContext;

/**
 * The task a worker thread is running, for code that cannot take a {@link TaskContext}
 * parameter: a {@code @Task} method called through a proxy, or a library it calls.
 * Internal: read it through {@link TaskContext#current()}.
 */
public final class CurrentTaskContext {

	private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

	private CurrentTaskContext() {
	}

	/**
	 * The running task of this thread.
	 * @return the context, or empty outside a task
	 */
	public static Optional<TaskContext> get() {
		return Optional.ofNullable(CURRENT.get());
	}

	static void set(TaskContext context) {
		CURRENT.set(context);
	}

	static void clear() {
		CURRENT.remove();
	}

}
