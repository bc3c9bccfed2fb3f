/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

import dev.cleo.queue.QueueException;
import dev.cleo.queue.Texts;

/**
 * An operation named a schedule that does not exist on its queue.
 */
public class UnknownScheduleException extends QueueException {

	/**
	 * Create an exception.
	 * @param queue the queue
	 * @param name the schedule name
	 */
	public UnknownScheduleException(String queue, String name) {
		super("No schedule " + Texts.quote(name) + " on queue " + Texts.quote(queue)
				+ ": list the queue's schedules to see their names");
	}

}
