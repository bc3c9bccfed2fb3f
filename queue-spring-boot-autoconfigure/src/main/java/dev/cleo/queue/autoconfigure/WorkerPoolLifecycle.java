/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.worker.WorkerPool;
import dev.cleo.queue.worker.WorkerPoolOptions;

import org.springframework.context.SmartLifecycle;

/**
 * Runs one worker pool with the application context: it starts in the last phase, once
 * every other bean (a web server too) is up, and stops first. A stop takes no new tasks,
 * lets running ones finish for up to {@code cleo.worker.shutdown-timeout}, then hands the
 * rest back to the queue, on its own thread so that pools drain side by side.
 */
public final class WorkerPoolLifecycle implements SmartLifecycle {

	private final QueueManager manager;

	private final WorkerPoolOptions options;

	private volatile WorkerPool pool;

	/**
	 * A lifecycle for one pool.
	 * @param manager the manager that runs the pool
	 * @param options the pool's options
	 */
	public WorkerPoolLifecycle(QueueManager manager, WorkerPoolOptions options) {
		this.manager = manager;
		this.options = options;
	}

	/**
	 * @return the pool's options
	 */
	public WorkerPoolOptions options() {
		return this.options;
	}

	@Override
	public synchronized void start() {
		if (!isRunning()) {
			this.pool = this.manager.startWorkers(this.options);
		}
	}

	@Override
	public void stop() {
		WorkerPool running = this.pool;
		if (running != null) {
			running.stop(this.options.shutdownTimeout());
		}
	}

	@Override
	public void stop(Runnable callback) {
		Thread stopper = new Thread(() -> {
			try {
				stop();
			}
			finally {
				callback.run();
			}
		}, "cleo-stop-" + this.options.name());
		stopper.start();
	}

	@Override
	public boolean isRunning() {
		WorkerPool running = this.pool;
		return running != null && running.isRunning();
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
