/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import dev.cleo.queue.annotation.QueueClass;

/**
 * The task bean of {@code proxy_end_to_end}: a call enqueues, a worker runs the method.
 */
@QueueClass(queue = ProxyEndToEndScenario.QUEUE)
public class BenchTasks {

	/**
	 * Do nothing, as the core scenarios' tasks do.
	 * @param index the call's number
	 */
	public void noop(int index) {
	}

}
