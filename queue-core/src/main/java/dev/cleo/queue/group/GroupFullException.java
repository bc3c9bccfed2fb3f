/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.group;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.Texts;

/**
 * A task was not enqueued because its group already holds its maximum number of waiting
 * tasks ({@link QueueGroups#setMaxSize(int)}) and the queue's overflow is
 * {@link GroupOverflow#FAIL}. An all-or-nothing batch
 * ({@link dev.cleo.queue.QueueManager#enqueueAll(java.util.List)}) stores none of its
 * tasks of that queue.
 */
public class GroupFullException extends QueueException {

	private final String queue;

	private final String group;

	private final long maxSize;

	/**
	 * Create an exception.
	 * @param queue the queue
	 * @param group the full group
	 * @param maxSize the group's maximum size
	 * @param batch whether a whole batch was refused
	 */
	public GroupFullException(String queue, String group, long maxSize, boolean batch) {
		super("group " + Texts.quote(group) + " of queue " + Texts.quote(queue) + " is full: it holds its maximum of "
				+ maxSize + " waiting tasks, so " + (batch ? "no task of the batch was" : "the task was not")
				+ " enqueued. Let the group drain, raise its maximum (QueueManager.groups(queue).setMaxSize, cleo.queues."
				+ queue + ".groups.max-size) or set the queue's overflow to DROP_OLDEST to drop the oldest"
				+ " waiting task instead");
		this.queue = queue;
		this.group = group;
		this.maxSize = maxSize;
	}

	/**
	 * The queue.
	 * @return the queue name
	 */
	public String queue() {
		return this.queue;
	}

	/**
	 * The full group.
	 * @return the group name
	 */
	public String group() {
		return this.group;
	}

	/**
	 * The group's maximum number of waiting tasks.
	 * @return the maximum size
	 */
	public long maxSize() {
		return this.maxSize;
	}

}
