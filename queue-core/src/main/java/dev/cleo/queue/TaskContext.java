/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.lang.reflect.Type;
import java.util.Optional;

import dev.cleo.queue.worker.CurrentTaskContext;

/**
 * What a handler knows about the attempt it runs, and how it reports back.
 */
public interface TaskContext {

	/**
	 * @return the task id
	 */
	String id();

	/**
	 * @return the queue
	 */
	String queue();

	/**
	 * @return the task name
	 */
	String name();

	/**
	 * @return this attempt's number, from 1
	 */
	int attempt();

	/**
	 * @return the maximum number of attempts
	 */
	int maxAttempts();

	/**
	 * @return the payload as stored (JSON)
	 */
	String payloadJson();

	/**
	 * Read the payload.
	 * @param <T> the type
	 * @param type the type to read it as
	 * @return the payload
	 * @throws UnreadablePayloadException when it is not of that type; the task then goes
	 * to the dead-letter queue
	 */
	<T> T payload(Class<T> type);

	/**
	 * Read the payload as a generic type.
	 * @param <T> the type
	 * @param type the type to read it as
	 * @return the payload
	 * @throws UnreadablePayloadException when it is not of that type
	 */
	<T> T payload(Type type);

	/**
	 * Report progress; stored with the task and published as a {@code PROGRESS} event.
	 * @param percent from 0 to 100
	 */
	default void progress(int percent) {
		progress(percent, null);
	}

	/**
	 * Report progress with the stage reached (a milestone such as {@code "uploading"});
	 * both are stored with the task and published as a {@code PROGRESS} event, on every
	 * instance when history is on.
	 * @param percent from 0 to 100
	 * @param stage the stage, at most 200 characters, or {@code null}
	 */
	void progress(int percent, String stage);

	/**
	 * Add a line to the task's own log, stored with the task (trimmed to the newest
	 * lines).
	 * @param line the line
	 */
	void log(String line);

	/**
	 * Enqueue a child task with its own options (which name its queue).
	 * @param name the child's task name
	 * @param payload the child's payload
	 * @param options the child's options
	 * @return the child's handle
	 */
	TaskHandle<Object> enqueue(String name, Object payload, TaskOptions options);

	/**
	 * Enqueue a child task with default options on this task's queue.
	 * @param name the child's task name
	 * @param payload the child's payload
	 * @return the child's handle
	 */
	default TaskHandle<Object> enqueue(String name, Object payload) {
		return enqueue(name, payload, TaskOptions.defaults().queue(queue()));
	}

	/**
	 * Whether this worker lost the task's lease (it expired, or the worker is shutting
	 * down); the work will then run again elsewhere, and this attempt's outcome is
	 * ignored.
	 * @return true when the lease is lost
	 */
	boolean isLeaseLost();

	/**
	 * The task this thread is running, for code that gets no context parameter, such as a
	 * {@code @Task} method called through its proxy: report progress, write to the task's
	 * log, enqueue child tasks or check the lease from there.
	 * @return the running task's context, or empty when this thread runs no task
	 */
	static Optional<TaskContext> current() {
		return CurrentTaskContext.get();
	}

}
