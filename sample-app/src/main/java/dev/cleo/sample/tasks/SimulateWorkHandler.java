/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.tasks;

import dev.cleo.queue.TaskContext;
import dev.cleo.queue.TaskHandler;

/**
 * The {@code simulate-work} task (payload {@code {millis, failTimes}}): works for
 * {@link Work#millis()} and fails its first {@link Work#failTimes()} attempts, counted by
 * the attempt number the worker passes in, to show retries with backoff and, when the
 * attempts run out, the dead-letter queue.
 */
public final class SimulateWorkHandler implements TaskHandler {

	/** The task name. */
	public static final String NAME = "simulate-work";

	@Override
	public Object handle(TaskContext context) throws InterruptedException {
		Work work = context.payload(Work.class);
		context.progress(0);
		Thread.sleep(Math.max(0, work.millis()));
		context
			.log("attempt " + context.attempt() + " of " + context.maxAttempts() + " worked " + work.millis() + " ms");
		if (context.attempt() <= work.failTimes()) {
			throw new IllegalStateException("Simulated failure of attempt " + context.attempt() + " (the first "
					+ work.failTimes() + " attempts fail)");
		}
		context.progress(100);
		return work.millis();
	}

}
