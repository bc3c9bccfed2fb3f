/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

/**
 * One worker pool of this instance, a bean named {@code cleoWorkerPool.<name>}. The
 * {@link WorkerPoolRegistry} starts and stops it with the context; it is no
 * {@code Lifecycle} of its own, so that the context runs the pools through that one
 * registry only. It can still be stopped (and started again) on its own.
 */
public final class ManagedWorkerPool {

	private final QueueManager manager;

	private final WorkerPoolOptions options;

	private volatile WorkerPool pool;

	/**
	 * A pool, not started yet.
	 * @param manager the manager that runs the pool
	 * @param options the pool's options
	 */
	public ManagedWorkerPool(QueueManager manager, WorkerPoolOptions options) {
		this.manager = manager;
		this.options = options;
	}

	/**
	 * @return the pool's options
	 */
	public WorkerPoolOptions options() {
		return this.options;
	}

	/**
	 * Start taking tasks, unless the pool runs already.
	 */
	public synchronized void start() {
		if (!isRunning()) {
			this.pool = this.manager.startWorkers(this.options);
		}
	}

	/**
	 * Take no new tasks, let running ones finish for up to the pool's shutdown timeout
	 * ({@code cleo.worker.shutdown-timeout}), then hand the rest back to the queue.
	 * Returns once the pool has stopped.
	 */
	public void stop() {
		WorkerPool running = this.pool;
		if (running != null) {
			running.stop(this.options.shutdownTimeout());
		}
	}

	/**
	 * @return whether the pool takes tasks
	 */
	public boolean isRunning() {
		WorkerPool running = this.pool;
		return running != null && running.isRunning();
	}

}
