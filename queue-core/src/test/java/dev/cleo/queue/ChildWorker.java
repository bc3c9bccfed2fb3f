/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue;

import java.util.concurrent.CountDownLatch;

import dev.cleo.queue.worker.WorkerPoolOptions;

/**
 * What the {@code main} of a worker process started by a {@link ChildJvm} does around its
 * own handler: serve one task with one pool, say so on standard output, and stay until
 * the test kills the process.
 */
final class ChildWorker {

	private ChildWorker() {
	}

	/**
	 * Builds a manager, registers the handler and starts the pool, from the arguments
	 * every worker main takes first: the Redis URI, the queue, the task name, one of the
	 * main's own, the concurrency.
	 * @return the manager, which the process never closes
	 */
	static QueueManager start(String[] args, String workerId, TaskHandler handler, WorkerPoolOptions.Builder pool) {
		QueueManager manager = QueueManager.builder().redisUri(args[0]).workerId(workerId).build();
		manager.register(args[2], handler);
		manager.startWorkers(pool.queue(args[1]).concurrency(Integer.parseInt(args[4])).build());
		return manager;
	}

	/** Prints the line the test waits for, then blocks until the process ends. */
	static void announceAndWait(String ready) throws InterruptedException {
		System.out.println(ready);
		new CountDownLatch(1).await();
	}

}
