/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

/**
 * A queue was to be removed without its tasks, but it still has tasks that are not
 * history: waiting, delayed, running or dead ones.
 */
public class QueueNotEmptyException extends QueueException {

	private final String queue;

	private final QueueCounts counts;

	/**
	 * Create an exception.
	 * @param queue the queue
	 * @param counts its tasks by place when the removal was refused
	 */
	public QueueNotEmptyException(String queue, QueueCounts counts) {
		super("Queue " + Texts.quote(queue) + " still has " + counts.waiting() + " waiting, " + counts.delayed()
				+ " delayed, " + counts.active() + " running and " + counts.dead() + " dead tasks: remove them "
				+ "first, or pass withTasks = true to QueueManager.removeQueue to remove them with the queue");
		this.queue = queue;
		this.counts = counts;
	}

	/**
	 * @return the queue
	 */
	public String queue() {
		return this.queue;
	}

	/**
	 * @return its tasks by place when the removal was refused
	 */
	public QueueCounts counts() {
		return this.counts;
	}

}
