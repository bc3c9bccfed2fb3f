/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * A task ended without a result: it went to the dead-letter queue, expired before it
 * started, or was cancelled. Completes a {@link TaskHandle#completion()} future.
 */
public class TaskFailedException extends QueueException {

	private final String queue;

	private final String taskId;

	private final TaskState state;

	private final String lastError;

	/**
	 * Create the exception.
	 * @param queue the queue
	 * @param taskId the task id
	 * @param state the final state ({@code DEAD}, {@code EXPIRED}, {@code CANCELLED} or
	 * {@code DROPPED})
	 * @param lastError the last attempt's error, or {@code null}; the message carries its
	 * first line, without the stack trace that follows it
	 */
	public TaskFailedException(String queue, String taskId, TaskState state, String lastError) {
		super("Task " + Texts.quote(taskId) + " on queue " + Texts.quote(queue) + " ended "
				+ state.name().toLowerCase(java.util.Locale.ROOT)
				+ ((lastError != null) ? ": " + firstLine(lastError) : ""), null);
		this.queue = queue;
		this.taskId = taskId;
		this.state = state;
		this.lastError = lastError;
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return (end >= 0) ? text.substring(0, end) : text;
	}

	/**
	 * @return the queue
	 */
	public String queue() {
		return this.queue;
	}

	/**
	 * @return the task id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * @return the final state
	 */
	public TaskState state() {
		return this.state;
	}

	/**
	 * @return the last attempt's error, with its trimmed stack trace, or {@code null}
	 */
	public String lastError() {
		return this.lastError;
	}

}
