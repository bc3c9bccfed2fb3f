/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.demo;

import dev.cleo.queue.TaskContext;
import dev.cleo.queue.TaskHandler;

/**
 * Works for {@link Work#millis()} and fails the first {@link Work#failTimes()} attempts,
 * to show retries and, when the attempts run out, the dead-letter queue.
 */
final class SimulateWorkHandler implements TaskHandler {

	static final String NAME = "simulate-work";

	@Override
	public Object handle(TaskContext context) throws InterruptedException {
		Work work = context.payload(Work.class);
		Thread.sleep(work.millis());
		context.log("attempt " + context.attempt() + " worked " + work.millis() + " ms");
		if (context.attempt() <= work.failTimes()) {
			throw new IllegalStateException("Simulated failure of attempt " + context.attempt() + " (the first "
					+ work.failTimes() + " attempts fail)");
		}
		return work.millis();
	}

}
