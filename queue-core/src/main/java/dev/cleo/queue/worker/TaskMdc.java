/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import org.slf4j.MDC;

import dev.cleo.queue.redis.ClaimedTask;

/**
 * The SLF4J {@link MDC} keys a worker sets while it runs an attempt: from just before the
 * handler is called until Cleo has logged the attempt's outcome, on whichever thread runs
 * it (virtual or platform). Every line logged meanwhile carries them, so Spring Boot's
 * structured logging ({@code logging.structured.format.console=ecs}, for one) and a
 * pattern such as {@code %X{cleo.taskId}} show which task a line belongs to. The values
 * the thread had before are put back afterwards.
 */
public final class TaskMdc {

	/** The task id. */
	public static final String TASK_ID = "cleo.taskId";

	/** The task name. */
	public static final String TASK_NAME = "cleo.taskName";

	/** The queue. */
	public static final String QUEUE = "cleo.queue";

	/** The attempt's number, from 1. */
	public static final String ATTEMPT = "cleo.attempt";

	private static final String[] KEYS = { TASK_ID, TASK_NAME, QUEUE, ATTEMPT };

	private TaskMdc() {
	}

	/** Put a task's values; close the scope to put back what the thread had. */
	static Scope open(ClaimedTask task) {
		String[] previous = new String[KEYS.length];
		for (int i = 0; i < KEYS.length; i++) {
			previous[i] = MDC.get(KEYS[i]);
		}
		MDC.put(TASK_ID, task.id());
		MDC.put(TASK_NAME, task.name());
		MDC.put(QUEUE, task.queue());
		MDC.put(ATTEMPT, Integer.toString(task.attempt()));
		return new Scope(previous);
	}

	/** The values a thread had before an attempt, put back on close. */
	static final class Scope implements AutoCloseable {

		private final String[] previous;

		private Scope(String[] previous) {
			this.previous = previous;
		}

		@Override
		public void close() {
			for (int i = 0; i < KEYS.length; i++) {
				if (this.previous[i] != null) {
					MDC.put(KEYS[i], this.previous[i]);
				}
				else {
					MDC.remove(KEYS[i]);
				}
			}
		}

	}

}
