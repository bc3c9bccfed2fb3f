/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.List;

import dev.cleo.queue.worker.WorkerPoolOptions;

/**
 * The worker pools this instance runs. A bean, so that conditions can see whether this
 * instance consumes at all (there is none with {@code cleo.worker.enabled=false}) and an
 * application can plan its pools itself; by default one pool per
 * {@code cleo.worker.pools.<name>} and one per other queue the application uses.
 */
@FunctionalInterface
public interface WorkerPoolPlan {

	/**
	 * The pools to run, asked once every bean exists: only then are the queues of all
	 * task methods known.
	 * @return the options of each pool, in the order they start
	 */
	List<WorkerPoolOptions> pools();

}
