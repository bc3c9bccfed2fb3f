/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.tasks;

import dev.cleo.queue.TaskContext;
import dev.cleo.queue.TaskHandler;
import dev.cleo.queue.UnrecoverableTaskException;

/**
 * The {@code simulate-work} task (payload {@code {millis, failTimes}}): works for
 * {@link Work#millis()} and fails its first {@link Work#failTimes()} attempts, counted by
 * the attempt number the worker passes in, to show retries with backoff and, when the
 * attempts run out, the dead-letter queue. Work of more than {@value #MAX_MILLIS} ms (or
 * less than none) is refused as unrecoverable, so that no payload occupies a worker slot
 * for longer than a minute (a {@code millis} of {@code Long.MAX_VALUE} would hold it for
 * good, and again after every restart); retrying it would not help.
 */
public final class SimulateWorkHandler implements TaskHandler {

	/** The task name. */
	public static final String NAME = "simulate-work";

	/** The longest an attempt may work, in milliseconds. */
	public static final long MAX_MILLIS = 60_000;

	@Override
	public Object handle(TaskContext context) throws InterruptedException {
		Work work = context.payload(Work.class);
		if (work.millis() < 0 || work.millis() > MAX_MILLIS) {
			throw new UnrecoverableTaskException(
					"simulate-work's millis must be 0 to " + MAX_MILLIS + ", was " + work.millis());
		}
		context.progress(0);
		Thread.sleep(work.millis());
		context
			.log("attempt " + context.attempt() + " of " + context.maxAttempts() + " worked " + work.millis() + " ms");
		if (context.attempt() <= work.failuresBeforeSuccess()) {
			throw new IllegalStateException("Simulated failure of attempt " + context.attempt() + " (the first "
					+ work.failuresBeforeSuccess() + " attempts fail)");
		}
		context.progress(100);
		return work.millis();
	}

}
