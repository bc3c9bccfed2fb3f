/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cleo.queue.QueueException;

/**
 * Reports the pool into each of its queues' worker hash (see
 * {@link dev.cleo.queue.redis.RedisKeys}): at start, then on every heartbeat round (one
 * command per queue, sent without waiting), and removes the report on a graceful stop. A
 * killed pool stops reporting, and readers drop its report after three heartbeats.
 */
final class PoolReporter implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(PoolReporter.class);

	private final WorkerServices services;

	private static final long START_WAIT_MILLIS = 1_000;

	private final WorkerPoolOptions options;

	private final Map<String, RunningTask> running;

	private final String instanceId;

	private boolean stopped;

	PoolReporter(WorkerServices services, WorkerPoolOptions options, Map<String, RunningTask> running) {
		this.services = services;
		this.options = options;
		this.running = running;
		String workerId = services.workerId();
		this.instanceId = workerId.substring(0, workerId.length() - options.name().length() - 1);
	}

	/**
	 * Register the pool's queues as known, then report, waiting briefly for both so that
	 * a pool is listed once it has started. A Redis outage only delays the listing: the
	 * pool starts anyway and rides it out.
	 */
	void start() {
		List<CompletableFuture<Void>> sent = new ArrayList<>();
		for (String queue : this.options.queues().keySet()) {
			sent.add(this.services.admin()
				.addQueue(queue)
				.exceptionally((error) -> failed("register queue", queue, error)));
		}
		sent.addAll(report());
		try {
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
				.get(Math.min(this.services.commandTimeout().toMillis(), START_WAIT_MILLIS), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("Pool '{}' is not listed yet: {}", this.options.name(), ex.toString());
		}
	}

	/**
	 * Synchronized with {@link #stop()}: a report sent after the removal would bring the
	 * pool back until it turned stale.
	 */
	@Override
	public void run() {
		report();
	}

	private synchronized List<CompletableFuture<Void>> report() {
		if (this.stopped) {
			return List.of();
		}
		long now = this.services.clock().millis();
		List<CompletableFuture<Void>> sent = new ArrayList<>();
		for (String queue : this.options.queues().keySet()) {
			long active = this.running.values().stream().filter((task) -> task.task().queue().equals(queue)).count();
			String report = this.options.concurrency() + "|" + active + "|" + now + "|"
					+ this.options.heartbeat().toMillis() + "|" + this.instanceId;
			sent.add(this.services.admin()
				.reportWorker(queue, this.services.workerId(), report)
				.exceptionally((error) -> failed("report pool", queue, error)));
		}
		return sent;
	}

	/** Remove the pool's reports; a failure only delays their disappearance. */
	synchronized void stop() {
		this.stopped = true;
		for (String queue : this.options.queues().keySet()) {
			try {
				this.services.admin().removeWorkers(queue, List.of(this.services.workerId()));
			}
			catch (QueueException ex) {
				logger.warn("Could not remove the report of pool '{}' from queue '{}': {}", this.options.name(), queue,
						ex.getMessage());
			}
		}
	}

	private Void failed(String what, String queue, Throwable error) {
		logger.debug("Could not {} '{}' on queue '{}': {}", what, this.options.name(), queue, error.toString());
		return null;
	}

}
