/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.worker;

import java.time.Instant;
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
import dev.cleo.queue.WorkerInfo;

/**
 * Keeps the pool's presence on each of its queues (the queue's worker hash, see
 * {@link dev.cleo.queue.redis.RedisKeys}): writes it at start, then on every heartbeat
 * round (one command per queue, sent without waiting), and removes it on a graceful stop.
 * A killed pool stops writing it, and readers drop it after three heartbeats.
 */
final class PoolPresence implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(PoolPresence.class);

	private final WorkerServices services;

	private static final long START_WAIT_MILLIS = 1_000;

	private final WorkerPoolOptions options;

	private final Map<String, RunningTask> running;

	private final String instanceId;

	private boolean stopped;

	PoolPresence(WorkerServices services, WorkerPoolOptions options, Map<String, RunningTask> running) {
		this.services = services;
		this.options = options;
		this.running = running;
		String workerId = services.workerId();
		this.instanceId = workerId.substring(0, workerId.length() - options.name().length() - 1);
	}

	/**
	 * Register the pool's queues as known, then write the presence, waiting briefly for
	 * both so that a pool is listed once it has started. A Redis outage only delays the
	 * listing: the pool starts anyway and rides it out.
	 */
	void start() {
		List<CompletableFuture<Void>> sent = new ArrayList<>();
		for (String queue : this.options.queues().keySet()) {
			sent.add(this.services.admin()
				.addQueue(queue)
				.exceptionally((error) -> failed("register queue", queue, error)));
		}
		sent.addAll(write());
		for (String queue : this.options.queues().keySet()) {
			sent.add(this.services.admin()
				.announcePool(queue, this.instanceId, this.options.name())
				.exceptionally((error) -> failed("announce pool", queue, error)));
		}
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
	 * Synchronized with {@link #stop()}: a presence written after the removal would bring
	 * the pool back until it turned stale.
	 */
	@Override
	public void run() {
		write();
	}

	private synchronized List<CompletableFuture<Void>> write() {
		if (this.stopped) {
			return List.of();
		}
		Instant now = Instant.ofEpochMilli(this.services.clock().millis());
		List<CompletableFuture<Void>> sent = new ArrayList<>();
		for (String queue : this.options.queues().keySet()) {
			long active = this.running.values().stream().filter((task) -> task.task().queue().equals(queue)).count();
			WorkerInfo pool = new WorkerInfo(this.instanceId, this.options.name(), this.options.concurrency(),
					(int) active, now);
			sent.add(this.services.admin()
				.writePresence(queue, pool, this.options.heartbeat())
				.exceptionally((error) -> failed("write the presence of pool", queue, error)));
		}
		return sent;
	}

	/** Remove the pool's presence; a failure only delays its disappearance. */
	synchronized void stop() {
		this.stopped = true;
		for (String queue : this.options.queues().keySet()) {
			try {
				this.services.admin().removePresence(queue, this.instanceId, this.options.name());
			}
			catch (QueueException ex) {
				logger.warn("Could not remove the presence of pool '{}' from queue '{}': {}", this.options.name(),
						queue, ex.getMessage());
			}
		}
	}

	private Void failed(String what, String queue, Throwable error) {
		logger.debug("Could not {} '{}' on queue '{}': {}", what, this.options.name(), queue, error.toString());
		return null;
	}

}
