/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.history.HistoryOptions;
import dev.cleo.queue.worker.WorkerPoolOptions;

/**
 * What a scenario runs with: the options, the bench's own Redis connection, and the one
 * way every scenario builds its manager, pool and task options.
 *
 * @param options the bench options
 * @param redis the bench's connection, for memory readings
 */
record BenchContext(BenchOptions options, BenchRedis redis) {

	/**
	 * The key prefix of every manager the bench builds; the bench deletes only its keys.
	 */
	static final String KEY_PREFIX = "cleo-bench";

	/** The name of the handler that does nothing. */
	static final String NOOP = "bench-noop";

	/**
	 * A manager on the bench's prefix, recording history or not as {@code --history}
	 * says, with the no-op handler registered.
	 */
	QueueManager newManager() {
		QueueManager manager = QueueManager.builder()
			.redisUri(this.options.redisUrl())
			.keyPrefix(KEY_PREFIX)
			.history(this.options.history() ? HistoryOptions.defaults() : HistoryOptions.off())
			.build();
		return manager.register(NOOP, (task) -> null);
	}

	/**
	 * The pool of a scenario: its queue only, at the bench's concurrency, with the
	 * engine's default lease, heartbeat and reaper.
	 */
	WorkerPoolOptions pool(String queue) {
		return WorkerPoolOptions.builder().name(queue).queue(queue).concurrency(this.options.concurrency()).build();
	}

	TaskOptions taskOptions(String queue) {
		return TaskOptions.defaults().queue(queue);
	}

	Producer producer(QueueManager manager, String queue) {
		return new Producer(manager, NOOP, taskOptions(queue), this.options.batchesInFlight());
	}

}
